/**
 * The calendar editor end to end on the real app: a save goes through preview into the file (its
 * comments kept) and into force; a save against a changed file, invalid input and an unconfirmed
 * closing of an open section are refused and change nothing; a version is restored; every save
 * and restore is audited; role administratie only looks.
 */
import { expect } from 'chai';
import { appendFileSync, readFileSync } from 'node:fs';
import { runCalendarCli } from '../../gateway/policy/calendar-cli.ts';
import { csrfFrom } from '../support/app.ts';
import { DEMO_OPERATOR } from '../support/operator.ts';
import { calendarTestApp, CITO_CLOSURE, openForm, type CalendarTestApp } from './calendar-editor.support.ts';

const NOW = '2027-03-01T10:00:00+01:00';
const ORIGINAL = readFileSync('config/calendar.yaml', 'utf8');

describe('operator calendar editor', function () {
  this.timeout(30_000);
  let t: CalendarTestApp;
  afterEach(() => t?.cleanup());

  async function save(fields: Record<string, unknown>) {
    const { csrf, versie } = await openForm(t.agent, '/beheer/kalender/regel?lijst=closures');
    return t.agent.post('/beheer/kalender/regel').type('form').send({ _csrf: csrf, versie, ...fields });
  }

  it('previews what changes for parents, saves into the file with its comments, and the portal follows at once', async () => {
    t = await calendarTestApp({ now: NOW });
    const preview = await save({ ...CITO_CLOSURE, stap: 'voorbeeld' });
    expect(preview.status).to.equal(200);
    expect(preview.text).to.contain('Methodetoetsen voor groepen 5–8: gesloten (was open) van 3 mei 2027 tot en met 19 mei 2027');
    expect(preview.text).to.contain('Ouders lezen: De CITO-scores worden ingevoerd.');
    expect(preview.text).to.contain('data-closure="cito-mei"');
    expect(readFileSync(t.file, 'utf8'), 'a preview writes nothing').to.equal(ORIGINAL);

    const saved = await save({ ...CITO_CLOSURE, stap: 'opslaan' });
    expect(saved.status).to.equal(303);
    expect(saved.headers.location).to.equal('/beheer/kalender?melding=saved');
    const text = readFileSync(t.file, 'utf8');
    expect(text.startsWith(ORIGINAL.slice(0, ORIGINAL.indexOf('\nevents:')))).to.equal(true);
    expect(text).to.contain('  - id: cito-mei\n    from: 2027-05-03\n    reopensOn: 2027-05-20\n');

    // "What does groep 6 see" says what the CLI says, from the same function.
    const page = await t.agent.get('/beheer/kalender?groep=6&datum=2027-05-10');
    expect(page.text).to.contain('LVS-toetsen: Gesloten');
    expect(page.text).to.contain('Reden die de ouder leest: De CITO-scores worden ingevoerd.');
    expect(page.text).to.contain('Weer open op 20 mei 2027');
    expect(page.text).to.contain('Absenties: Open');
    // In force without waiting for the file watcher.
    t.clock.set('2027-05-10T10:00:00+02:00');
    expect(await t.services.policy.isOpen('results.lvs', { studentJaargroep: 6 })).to.deep.include({ open: false, reopensOn: '2027-05-20' });
    expect((await t.services.policy.isOpen('results.lvs', { studentJaargroep: 4 })).open).to.equal(true);
    t.clock.set(NOW);

    let cli = '';
    runCalendarCli(['show', '--date', '2027-05-10', '--group', '6', '--file', t.file], { out: (s) => { cli += s; }, err: () => {}, clock: t.clock });
    expect(cli).to.match(/results\.lvs\s+closed \(opens 2027-05-20\)/);
    expect(cli).to.match(/absences\s+open/);

    const versions = await t.agent.get('/beheer/kalender/geschiedenis');
    expect(versions.text).to.contain(`Opgeslagen door ${DEMO_OPERATOR.username}`);
    expect(versions.text).to.contain('Aangetroffen in het bestand');
    expect(versions.text).to.contain('+  - id: cito-mei');
    const audit = await t.services.store.audit.query({ action: 'calendar.save' });
    expect(audit).to.have.length(1);
    expect(audit[0]).to.deep.include({ actor: DEMO_OPERATOR.username, actorKind: 'operator' });
    expect(audit[0]?.detail).to.deep.include({ outcome: 'saved', summary: 'added: closure cito-mei' });
  });

  it('refuses a save when the file changed since the form was opened, and shows both versions', async () => {
    t = await calendarTestApp({ now: NOW });
    const { csrf, versie } = await openForm(t.agent, '/beheer/kalender/regel?lijst=closures');
    appendFileSync(t.file, '# edited by hand meanwhile\n');
    const handEdited = readFileSync(t.file, 'utf8');
    const res = await t.agent.post('/beheer/kalender/regel').type('form').send({ _csrf: csrf, versie, ...CITO_CLOSURE, stap: 'opslaan' });
    expect(res.status).to.equal(409);
    expect(res.text).to.contain('Het bestand is intussen gewijzigd');
    expect(res.text).to.contain('id: cito-mei');
    expect(res.text).to.contain('# edited by hand meanwhile');
    expect(readFileSync(t.file, 'utf8')).to.equal(handEdited);
    const audit = await t.services.store.audit.query({ action: 'calendar.save' });
    expect(audit.map((a) => a.detail?.outcome)).to.deep.equal(['conflict']);
    // Two operators with the same form: the second save is refused.
    const first = await openForm(t.agent, '/beheer/kalender/regel?lijst=closures');
    const send = (id: string) => t.agent.post('/beheer/kalender/regel').type('form')
      .send({ _csrf: first.csrf, versie: first.versie, ...CITO_CLOSURE, id, stap: 'opslaan' });
    expect((await send('cito-a')).status).to.equal(303);
    expect((await send('cito-b')).status).to.equal(409);
    expect(readFileSync(t.file, 'utf8')).to.contain('cito-a').and.not.contain('cito-b');
  });

  it('refuses invalid input with the validator\'s message next to each field, keeping the input and the file', async () => {
    t = await calendarTestApp({ now: NOW });
    const res = await save({ ...CITO_CLOSURE, id: 'CITO mei', until: '2027-05-01', reasonEn: '', stap: 'opslaan' });
    expect(res.status).to.equal(422);
    const field = (name: string) => new RegExp(`<div class="field field-error">\\s*<label for="field-${name}">[\\s\\S]*?<ul class="error-list" id="error-${name}">([\\s\\S]*?)</ul>`).exec(res.text)?.[1] ?? '';
    expect(field('id')).to.contain('Gebruik kleine letters');
    expect(field('until')).to.contain('Moet na de eerste dag liggen');
    expect(field('reasonEn')).to.contain('De Engelse tekst is leeg');
    expect(res.text).to.contain('value="CITO mei"');
    expect(res.text).to.contain('De CITO-scores worden ingevoerd.</textarea>');
    expect(res.text).to.match(/value="6" checked/);
    expect(readFileSync(t.file, 'utf8')).to.equal(ORIGINAL);
  });

  it('needs an explicit confirmation to close a section that is open right now', async () => {
    t = await calendarTestApp({ now: NOW });
    const closingNow = { ...CITO_CLOSURE, from: '2027-02-20', until: '2027-03-10' };
    const refused = await save({ ...closingNow, stap: 'opslaan' });
    expect(refused.status).to.equal(422);
    expect(refused.text).to.contain('Vink aan dat u dit zeker weet');
    expect(refused.text).to.contain('Methodetoetsen gaat nu dicht voor groepen 5–8.');
    expect(readFileSync(t.file, 'utf8')).to.equal(ORIGINAL);
    const confirmed = await save({ ...closingNow, stap: 'opslaan', bevestig: 'ja' });
    expect(confirmed.status).to.equal(303);
    expect((await t.services.policy.isOpen('results.method', { studentJaargroep: 5 })).open).to.equal(false);
  });

  it('needs a confirmation to put the invitations in the past', async () => {
    t = await calendarTestApp({ now: '2026-12-01T10:00:00+01:00' });
    const { csrf, versie } = await openForm(t.agent, '/beheer/kalender/regel?lijst=events&id=uitnodigingen');
    const fields = { _csrf: csrf, versie, lijst: 'events', origId: 'uitnodigingen', handeling: 'put', id: 'uitnodigingen', kind: 'invitations', date: '2026-11-30', time: '07:00', stap: 'opslaan' };
    const refused = await t.agent.post('/beheer/kalender/regel').type('form').send(fields);
    expect(refused.status).to.equal(422);
    expect(refused.text).to.contain('De uitnodigingen (uitnodigingen) komen op 30 november 2026 07:00 te staan');
    const confirmed = await t.agent.post('/beheer/kalender/regel').type('form').send({ ...fields, bevestig: 'ja' });
    expect(confirmed.status).to.equal(303);
    expect(readFileSync(t.file, 'utf8')).to.contain('at: 2026-11-30T07:00');
  });

  it('removes a rule and restores the earlier version byte for byte, audited', async () => {
    t = await calendarTestApp({ now: NOW });
    const { csrf, versie } = await openForm(t.agent, '/beheer/kalender');
    const removed = await t.agent.post('/beheer/kalender/regel').type('form')
      .send({ _csrf: csrf, versie, lijst: 'closures', origId: 'doorstroomtoets-groep-8', handeling: 'remove', stap: 'opslaan' });
    expect(removed.status).to.equal(303);
    expect(readFileSync(t.file, 'utf8')).not.to.contain('doorstroomtoets-groep-8');
    const found = (await t.services.calendarEditor.history.list()).find((v) => v.action === 'found');
    const history = await openForm(t.agent, '/beheer/kalender/geschiedenis');
    const preview = await t.agent.post('/beheer/kalender/geschiedenis/terugzetten').type('form')
      .send({ _csrf: history.csrf, versie: history.versie, versieId: found?.id, stap: 'voorbeeld' });
    expect(preview.status).to.equal(200);
    expect(preview.text).to.contain('LVS-toetsen voor groep 8: gesloten (was open)');
    // Restoring closes LVS for groep 8 again, which is open right now: confirmed explicitly.
    const restore = (extra: Record<string, string>) => t.agent.post('/beheer/kalender/geschiedenis/terugzetten').type('form')
      .send({ _csrf: history.csrf, versie: history.versie, versieId: found?.id, stap: 'opslaan', ...extra });
    expect((await restore({})).status).to.equal(422);
    expect((await restore({ bevestig: 'ja' })).status).to.equal(303);
    expect(readFileSync(t.file, 'utf8')).to.equal(ORIGINAL);
    const audit = await t.services.store.audit.query({ action: 'calendar.restore' });
    expect(audit[0]?.detail).to.deep.include({ outcome: 'saved', restoredFrom: found?.id });
    expect((await t.services.calendarEditor.history.list()).map((v) => v.action)).to.deep.equal(['restore', 'save', 'found']);
  });

  it('shows role administratie the calendar read-only and refuses its edits', async () => {
    t = await calendarTestApp({
      now: NOW,
      values: { operators: { accounts: [{ username: DEMO_OPERATOR.username, name: 'Administratie', demoPassword: DEMO_OPERATOR.password, roles: ['administratie'] }] } },
    });
    const page = await t.agent.get('/beheer/kalender');
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('data-closure="rapport-juni"');
    expect(page.text).to.contain('alleen een medewerker met de rol beheer');
    expect(page.text).not.to.contain('/beheer/kalender/regel');
    expect((await t.agent.get('/beheer/kalender/geschiedenis')).status).to.equal(200);
    expect((await t.agent.get('/beheer/kalender/regel?lijst=closures')).status).to.equal(403);
    const versie = t.services.calendarEditor.read().then((f) => f.version);
    const post = await t.agent.post('/beheer/kalender/regel').type('form')
      .send({ _csrf: csrfFrom(page.text), versie: await versie, ...CITO_CLOSURE, stap: 'opslaan' });
    expect(post.status).to.equal(403);
    expect(readFileSync(t.file, 'utf8')).to.equal(ORIGINAL);
  });
});
