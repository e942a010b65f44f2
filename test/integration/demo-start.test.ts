/**
 * The conventions a newcomer expects, through the real gateway process: PORT from the environment,
 * and the demo started on another date and with the SIS down by flags (no config file copied).
 * And what "SIS down" then shows a parent, in process with a manual clock.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import request from 'supertest';
import { loadConfig } from '../../gateway/config/index.ts';
import { demoStartValues, SIS_DOWN_AFTER_MS } from '../../gateway/demo/start-options.ts';
import { createTestApp, DEMO } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';
import { startGateway, writeDemoConfig, type GatewayProcess } from '../support/gateway-process.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('starting the demo: PORT, --date and --sis-down', function () {
  this.timeout(90_000);
  let gateway: GatewayProcess | undefined;
  afterEach(async () => { await gateway?.stop(); gateway = undefined; });

  it('listens on $PORT, starts on the given date and says the SIS goes down', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'demo-start-'));
    const file = writeDemoConfig(dir, 'demo', { store: { lowdb: { dir: path.join(dir, 'store') } }, operators: { oidc: { enabled: false } }, demo: { idp: { enabled: false } } });
    const port = await freePort();
    gateway = await startGateway(file, { PORT: String(port) }, 60_000, ['--date', '2027-06-10', '--sis-down']);
    expect(gateway.url).to.equal(`http://127.0.0.1:${port}`);
    expect(gateway.stdout()).to.include('Demo-datum: 2027-06-10T08:00');
    expect(gateway.stdout()).to.include('De SIS is onbereikbaar vanaf 30 seconden na de start (--sis-down).');
    expect((await request(gateway.url).get('/inloggen')).status).to.equal(200);
  });

  it('with the SIS down, a parent still sees what was fetched before, and the 503 page for what never was', async () => {
    const base = loadConfig({ file: 'config/demo.yaml', env: {} });
    const values = demoStartValues(base, { date: '2027-06-10', sisDown: true }, new Date());
    const t = await createTestApp({ now: '2027-06-10T10:00:00+02:00', values });
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const child = /href="(\/kind\/[^"]+)"/.exec((await agent.get('/')).text)![1]!;
    expect((await agent.get(child)).status).to.equal(200);
    t.clock.advance(SIS_DOWN_AFTER_MS + 5 * 60_000);
    expect((await agent.get(`${child}/absenties`)).status, 'never fetched: nothing to show').to.equal(503);
    expect((await agent.get(child)).status, 'fetched before the outage: served from the cache').to.equal(200);
  });
});
