/**
 * The portal on a OneRoster 1.2 SIS: the school's config (config/stacked.example.yaml's school,
 * its stack replaced by the oneroster adapter) booted as `npm run serve` boots it, against a local
 * OneRoster provider (test/fixtures/oneroster/server.ts) with OAuth 2.0 and paging. A parent whose
 * account was provisioned from the OneRoster guardians logs in and sees the child, the homeroom
 * group and the gradebook results; absences stay closed (OneRoster has no attendance).
 */
import { expect } from 'chai';
import { applyDemoAccounts } from '../../gateway/accounts/demo-accounts.ts';
import { boot, type Booted } from '../../gateway/boot.ts';
import { loadConfig } from '../../gateway/config/index.ts';
import { createLogger } from '../../gateway/logger.ts';
import { createMemoryStore } from '../../gateway/store/memory-store.ts';
import { CHEAP_HASHER, type TestApp } from '../support/app.ts';
import { loginAs, type Agent } from '../support/agent.ts';
import { manualClock } from '../support/clock.ts';
import { CLIENT, startOneRosterServer, type OneRosterServer } from '../fixtures/oneroster/server.ts';
import { textOf } from './parent-pages.support.ts';
import { Writable } from 'node:stream';

const ENV = { PARNASSYS_SUPPLIER_KEY: 'unused', ONEROSTER_CLIENT_SECRET: CLIENT.secret, OUDERPOORT_SESSION_SECRET: 's'.repeat(40), OUDERPOORT_DATA_KEY: 'd'.repeat(40) };
const NOW = '2027-03-01T10:00:00+01:00';
const PARENT = { username: 'mark.devries', password: 'de kastanjes vallen in de lindelaan' };

describe('the portal on a OneRoster 1.2 SIS', function () {
  this.timeout(30_000);
  let server: OneRosterServer;
  let booted: Booted;
  let agent: Agent;
  let child: string;
  let logs = '';

  before(async () => {
    server = await startOneRosterServer();
    const stack = [{
      adapter: 'oneroster',
      config: {
        baseUrl: server.baseUrl, tokenUrl: server.tokenUrl, clientId: CLIENT.id, clientSecret: CLIENT.secret,
        orgSourcedId: 'org-linde', gezag: 'agents', categories: { 'cat-rek': 'rekenen-wiskunde' },
      },
    }];
    const config = loadConfig({ file: 'config/stacked.example.yaml', env: ENV, values: { sis: { stack }, server: { port: 0, secureCookies: false }, log: { level: 'info' } } });
    const clock = manualClock(NOW);
    const sink = new Writable({ write(chunk, _enc, cb) { logs += String(chunk); cb(); } });
    booted = await boot(config, { logger: createLogger(config, sink), clock }, { store: createMemoryStore(), hasher: CHEAP_HASHER, watchCalendar: false });
    let mark: string | undefined;
    for await (const g of booted.services.sis.allGuardians()) if (g.name.given === 'Mark') mark = g.id;
    expect(mark).to.equal('p-1');
    await applyDemoAccounts({ accounts: booted.services.store.accounts, hasher: CHEAP_HASHER, clock },
      [{ guardianId: mark!, description: 'father of Björn', ...PARENT }], config.auth.invitationValidity);
    const login = await loginAs({ app: booted.server } as unknown as TestApp, PARENT.username, PARENT.password);
    expect(login.status).to.equal(303);
    agent = login.agent;
    const dashboard = await agent.get('/');
    const links = [...dashboard.text.matchAll(/href="(\/kind\/[^"/]+)"/g)].map((m) => m[1]!);
    expect(new Set(links).size).to.equal(1);
    child = links[0]!;
  });

  after(async () => {
    await booted?.stop();
    await server?.close();
  });

  it('routes students, guardians and method results to oneroster, absences to none', () => {
    const line = logs.split('\n').find((l) => l.includes('"msg":"SIS stack:'));
    expect(JSON.parse(line!).msg).to.equal('SIS stack: students → oneroster (sis.stack[0]), guardians → oneroster (sis.stack[0]), '
      + 'absences → none, results.method → oneroster (sis.stack[0]), results.lvs → none, changes.submit → none, reports → none, medical → none, absences.report → none');
  });

  it('the dashboard and overview: the child with the homeroom group, names as the SIS wrote them', async () => {
    const dashboard = textOf((await agent.get('/')).text);
    expect(dashboard).to.include('Björn de Vries');
    expect(dashboard).to.include('Groep 5');
    const overview = textOf((await agent.get(child)).text);
    expect(overview).to.include('Björn de Vries');
    expect(overview).to.include('Mark de Vries');
    // Eva's e-mail is secret by default (OneRoster has no secret flags): not shown to Mark.
    expect(overview).to.not.include('eva@example.org');
  });

  it('results: the gradebook results by subject', async () => {
    const res = await agent.get(`${child}/resultaten`);
    expect(res.status).to.equal(200);
    const text = textOf(res.text);
    expect(text).to.include('Pluspunt blok 1');
    expect(text).to.include('Taal actief thema 1');
  });

  it('asked the provider with a bearer token, paging and filters', () => {
    expect(server.tokensIssued).to.be.greaterThan(0);
    expect(server.requests.some((r) => r.path.endsWith('/results') && r.query.filter === "student.sourcedId='s-1'")).to.equal(true);
  });
});
