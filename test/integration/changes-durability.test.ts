/**
 * "Ontvangen" means stored: the real app in a child process on a lowdb store, the SIS down, a
 * parent submits a correction, and the process is killed (SIGKILL) the moment the acknowledgement
 * — the 303 to the "ontvangen" page — arrives. A new gateway on the same directory (with another
 * session secret, so the sealed payload no longer opens) still has the request and, once the SIS
 * is back, delivers it exactly once.
 */
import { expect } from 'chai';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import type { MockSisAdapter } from '../../adapters/mock/adapter.ts';
import { CHANGE_REQUESTS_COLLECTION } from '../../gateway/changes/index.ts';
import { loadConfig } from '../../gateway/config/index.ts';
import { createLogger } from '../../gateway/logger.ts';
import { createServices, type Services } from '../../gateway/services.ts';
import { CHEAP_HASHER, TEST_DATA_KEY, csrfFrom, DEMO } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';
import { formFields, formValues, newAddress, referenceOf } from './changes.support.ts';

const CHILD = fileURLToPath(new URL('./changes-app-child.ts', import.meta.url));
const START = '2027-03-01T10:00:00+01:00';
const OUTAGE = { from: '2027-03-01T10:05:00+01:00', to: '2027-03-01T12:00:00+01:00' };

interface Child {
  process: ChildProcessWithoutNullStreams;
  line(match: RegExp): Promise<string>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function spawnApp(dir: string): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, START, OUTAGE.from, OUTAGE.to], { stdio: ['pipe', 'pipe', 'pipe'] });
  let buffered = '';
  let stderr = '';
  const waiting: Array<{ match: RegExp; resolve: (line: string) => void }> = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const i = waiting.findIndex((w) => w.match.test(line));
      if (i >= 0) waiting.splice(i, 1)[0]!.resolve(line);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return {
    process: child,
    exit,
    line: (match) => new Promise((resolve, reject) => {
      waiting.push({ match, resolve });
      void exit.then((r) => reject(new Error(`child exited (${r.code ?? r.signal}) first: ${r.stderr}`)));
    }),
  };
}

describe('change requests: durable before "ontvangen"', function () {
  this.timeout(60_000);
  let dir: string;
  let child: Child | undefined;
  let reopened: Services | undefined;

  afterEach(async () => {
    if (child && child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    await child?.exit;
    await reopened?.store.close();
    reopened = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps a request acknowledged right before a SIGKILL, and delivers it once after the restart', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ouderpoort-changes-'));
    const storeDir = join(dir, 'store');
    child = spawnApp(storeDir);
    const port = (await child.line(/^listening \d+$/)).split(' ')[1];
    const agent = request.agent(`http://127.0.0.1:${port}`);

    const login = await agent.get('/inloggen');
    await agent.post('/inloggen').type('form').send({ _csrf: csrfFrom(login.text), username: DEMO.parent.username, password: DEMO.parent.password });
    const dashboard = await agent.get('/');
    const handle = /href="\/kind\/([A-Za-z0-9_-]{16})"/.exec(dashboard.text)![1]!;
    const form = await agent.get(`/kind/${handle}/wijzigen`);
    expect(form.status).to.equal(200);

    // The SIS goes down (cached data still serves the form's post).
    child.process.stdin.write('clock 2027-03-01T10:30:00+01:00\n');
    await child.line(/^clock /);
    const ack = await agent.post(`/kind/${handle}/wijzigen`).type('form').send({ ...formFields(form.text), ...newAddress(formValues(form.text)) });
    child.process.kill('SIGKILL');
    expect(ack.status).to.equal(303);
    const reference = referenceOf(String(ack.headers.location));
    expect((await child.exit).signal).to.equal('SIGKILL');

    // A new gateway on the same store, the SIS back up.
    const clock = manualClock('2027-03-01T13:00:00+01:00');
    const config = loadConfig({ file: 'config/demo.yaml', env: {}, values: { log: { level: 'silent' }, store: { lowdb: { dir: storeDir } } } });
    reopened = await createServices(config, { logger: createLogger(config), clock, sessionSecret: 'r'.repeat(40), dataKey: TEST_DATA_KEY }, { hasher: CHEAP_HASHER, watchCalendar: false });
    // The request record opens with the data key, which did not change with the session secret.
    const requests = await reopened.changes.list();
    expect(requests.map((r) => r.reference)).to.deep.equal([reference]);
    expect(requests[0]!.fields.map((f) => f.new)).to.include('Lindelaan');
    expect(JSON.stringify(await reopened.outbox.list()), 'the outbox keeps the new address sealed').not.to.include('Lindelaan');
    expect(JSON.stringify(await reopened.store.collection(CHANGE_REQUESTS_COLLECTION).list()), 'so does the request record').not.to.include('Lindelaan');

    await reopened.delivery.recover();
    await reopened.delivery.runOnce();
    await reopened.delivery.runOnce();
    const sis = reopened.stack.adapters[0] as MockSisAdapter;
    expect(sis.submitted.map((s) => s.idempotencyKey)).to.deep.equal([requests[0]!.deliveryKey]);
    expect((await reopened.outbox.get(requests[0]!.deliveryKey))!.status).to.equal('delivered');
    clock.advance(3_600_000);
    await reopened.delivery.runOnce();
    expect(sis.submitted).to.have.length(1);
  });
});
