/**
 * The portal on a stacked SIS, booted from config/stacked.example.yaml as `npm run serve` boots a
 * school's file: ParnasSys (played by nock, which accepts only the exact SOAP request) answers for
 * pupils, groups and addresses; OSO dossiers (test/fixtures/oso/stacked/, the same pupils by
 * pupil number) for guardians, the verzuim summary and LVS results. A parent whose account was
 * provisioned from the OSO guardians logs in and sees each part from its own source.
 */
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import nock from 'nock';
import { applyDemoAccounts } from '../../gateway/accounts/demo-accounts.ts';
import { boot, type Booted } from '../../gateway/boot.ts';
import { loadConfig } from '../../gateway/config/index.ts';
import { createLogger } from '../../gateway/logger.ts';
import { createMemoryStore } from '../../gateway/store/memory-store.ts';
import { fixture, interceptGetLeerlingen, offline, resetNock, XML_HEADERS } from '../fixtures/parnassys/soap.ts';
import { CHEAP_HASHER, type TestApp } from '../support/app.ts';
import { loginAs, type Agent } from '../support/agent.ts';
import { manualClock } from '../support/clock.ts';
import { textOf } from './parent-pages.support.ts';

const EXAMPLE = 'config/stacked.example.yaml';
const OSO_DIR = fileURLToPath(new URL('../fixtures/oso/stacked/', import.meta.url));
const ENV = { PARNASSYS_SUPPLIER_KEY: 'de-linde-key&1', OUDERPOORT_SESSION_SECRET: 's'.repeat(40), OUDERPOORT_DATA_KEY: 'd'.repeat(40) };
/** Everything open in config/calendar.yaml (results since 17 February); still school year 2026 / 2027. */
const NOW = '2027-03-01T10:00:00+01:00';
const PARENT = { username: 'sophie.vandijk', password: 'de kastanjes vallen in de lindelaan' };

/**
 * The example file as written, with the dossier folder pointed at the fixtures, and the test's
 * plain-http transport (no TLS here, so no Secure cookies) on a free port.
 */
function stackedConfig() {
  const example = loadConfig({ file: EXAMPLE, env: ENV });
  const stack = example.sis.stack.map((entry) => (entry.adapter === 'oso' ? { ...entry, config: { ...entry.config, dir: OSO_DIR } } : entry));
  return loadConfig({ file: EXAMPLE, env: ENV, values: { sis: { stack }, server: { port: 0, secureCookies: false }, log: { level: 'info' } } });
}

describe('the portal on ParnasSys + OSO stacked (config/stacked.example.yaml)', function () {
  this.timeout(20_000);
  let booted: Booted;
  let logs = '';
  let soap: nock.Scope;
  let agent: Agent;
  let child: string;

  before(async () => {
    offline();
    // One getLeerlingen for the whole run: the adapter keeps the answer (cacheMs) and the clock stands still.
    const interceptor = interceptGetLeerlingen({
      origin: 'https://parnassys.net',
      schoolYear: '2026 / 2027',
      supplier: { nameEscaped: 'Ouderpoort', keyEscaped: 'de-linde-key&amp;1' },
      times: 1,
    });
    soap = interceptor.reply(200, fixture('get-leerlingen-2026-2027.xml'), XML_HEADERS);

    const config = stackedConfig();
    const clock = manualClock(NOW);
    const sink = new Writable({ write(chunk, _enc, cb) { logs += String(chunk); cb(); } });
    booted = await boot(config, { logger: createLogger(config, sink), clock }, {
      store: createMemoryStore(), hasher: CHEAP_HASHER, watchCalendar: false,
    });

    // The parent's account exists because OSO lists her with gezag and an e-mail address; the test
    // only gives it a known password, as demo mode would.
    let sophie: string | undefined;
    for await (const g of booted.services.sis.allGuardians()) if (g.name.given === 'Sophie') sophie = g.id;
    expect(sophie, 'Sophie van Dijk among the OSO guardians').to.be.a('string');
    await applyDemoAccounts({ accounts: booted.services.store.accounts, hasher: CHEAP_HASHER, clock },
      [{ guardianId: sophie!, description: 'mother of Daan', ...PARENT }], config.auth.invitationValidity);

    // loginAs only reads `.app`; the booted server is what `npm run serve` listens with.
    const login = await loginAs({ app: booted.server } as unknown as TestApp, PARENT.username, PARENT.password);
    expect(login.status).to.equal(303);
    agent = login.agent;
    const dashboard = await agent.get('/');
    const links = [...dashboard.text.matchAll(/href="(\/kind\/[^"/]+)"/g)].map((m) => m[1]!);
    expect(new Set(links).size, 'one child').to.equal(1);
    child = links[0]!;
  });

  after(async () => {
    await booted?.stop();
    resetNock();
  });

  it('logs at boot which adapter serves which capability', () => {
    const line = logs.split('\n').find((l) => l.includes('"msg":"SIS stack:'));
    expect(line).to.be.a('string');
    expect(JSON.parse(line!).msg).to.equal('SIS stack: students → parnassys (sis.stack[0]), guardians → oso (sis.stack[1]), '
      + 'absences → oso (sis.stack[1]), results.method → none, results.lvs → oso (sis.stack[1]), changes.submit → none, '
      + 'reports → none, medical → none, absences.report → none');
  });

  it('provisions accounts from the OSO guardians with gezag and an e-mail address only', async () => {
    const names = new Map<string, string>();
    for await (const g of booted.services.sis.allGuardians()) names.set(g.id, g.name.given);
    const accounts = await booted.services.store.accounts.list();
    // Not Karel (no gezag over Fien), not Ruud or Ilse (Liam left in September, Milan in December).
    expect(accounts.map((a) => names.get(a.guardianId)).sort()).to.deep.equal(['Anna', 'Jan', 'Lotte', 'Peter', 'Sophie', 'Thomas']);
  });

  it('the overview: name, group and address from ParnasSys, guardians from OSO', async () => {
    const res = await agent.get(child);
    expect(res.status).to.equal(200);
    const text = textOf(res.text);
    expect(text).to.include('Daan van Dijk');
    // ParnasSys places Daan in the combination group this year; the OSO export still says "Groep 5".
    expect(text).to.include('Groep 5/6');
    expect(text).to.include('Lindelaan 12');
    expect(text).to.include('3512 AB');
    expect(text).to.include('Sophie van Dijk');
    expect(text).to.include('Thomas van Dijk');
    // Thomas's address is secret in the dossier: his name shows, his street does not.
    expect(text).not.to.include('Vinkenstraat');
  });

  it('absences: the OSO verzuim summary, shown as totals over its period, not as dated absences', async () => {
    const res = await agent.get(`${child}/absenties`);
    expect(res.status).to.equal(200);
    const text = textOf(res.text);
    expect(text).to.include('De leerlingadministratie geeft voor uw kind geen absenties per dag door');
    expect(text).to.include('Van 29 september 2025 tot en met 28 september 2026:');
    expect(text).to.include('5 dagdelen geoorloofd afwezig');
    expect(text).to.include('2 dagdelen ongeoorloofd afwezig');
    expect(text).to.include('1 keer ongeoorloofd verzuim geregistreerd');
    // No per-day table and no "none registered" for a source that only has totals.
    expect(text).not.to.include('Er zijn dit schooljaar geen absenties geregistreerd');
    expect(res.text).not.to.include('id="list-heading"');

    const english = textOf((await agent.get(`${child}/absenties`).set('Cookie', 'lang=en')).text);
    expect(english).to.include('From 29 September 2025 to 28 September 2026 inclusive:');
    expect(english).to.include('5 day parts of authorised absence');
    expect(english).to.include('unauthorised absence registered 1 time');
  });

  it('results: the LVS tests from the OSO dossier', async () => {
    const res = await agent.get(`${child}/resultaten`);
    expect(res.status).to.equal(200);
    const text = textOf(res.text);
    expect(text).to.include('Rekenen-Wiskunde');
    expect(text).to.include('Spelling');
    expect(text).to.include('190');
  });

  it('asked ParnasSys exactly once, with exactly the documented request', () => {
    expect(soap.isDone()).to.equal(true);
    expect(nock.pendingMocks()).to.deep.equal([]);
  });
});
