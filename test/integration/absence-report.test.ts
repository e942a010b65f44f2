/**
 * Absence reports (ziekmelding, issue #20 item 1) through the real app: the form on the child's
 * page, stored durably before "ontvangen", delivered through the SIS's reportAbsence exactly once
 * (also when the SIS was down at the time), the cut-off that sends a parent to the phone, one report
 * per child per day whichever parent sends it, "gemeld door u" / "gemeld" on the absences page until
 * the SIS lists the day, and, where the SIS cannot take reports, the mail to the child's teacher
 * (the SIS's teacher address) or to the administration when the SIS gives none.
 */
import { expect } from 'chai';
import { CAPABILITIES } from '../../adapters/contract/index.ts';
import type { MockSisAdapter } from '../../adapters/mock/adapter.ts';
import { ABSENCE_REPORTS_COLLECTION } from '../../gateway/absence-report/reports.ts';
import type { AbsenceReportRecord } from '../../gateway/absence-report/types.ts';
import { csrfFrom, createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { DEMO_OPERATOR, operatorLogin } from '../support/operator.ts';
import { mockImportWith, withAnswer } from '../support/sis-with.ts';
import { smtpValues, startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { parentSession, type ParentSession } from './changes.support.ts';
import type { ServiceOverrides } from '../../gateway/services.ts';

/** The mock SIS as a school's whose teachers have no e-mail address in it. */
const sisWithoutTeacherAddresses = mockImportWith((adapter) => withAnswer(adapter, 'getStudent', (student) => (
  { ...student, teachers: student.teachers.map(({ email: _email, ...teacher }) => teacher) }
)));

/** Tuesday 2 March 2027, a school day, before the 08:15 cut-off. */
const EARLY = '2027-03-02T07:40:00+01:00';
const LATE = '2027-03-02T08:20:00+01:00';
const OUTAGE = { from: '2027-03-02T07:45:00+01:00', to: '2027-03-02T09:00:00+01:00' };

const mockOf = (t: TestApp) => t.services.stack.adapters[0] as MockSisAdapter;
const stored = (t: TestApp) => t.services.store.collection<AbsenceReportRecord>(ABSENCE_REPORTS_COLLECTION).list();

async function settle(t: TestApp): Promise<void> {
  await t.services.delivery.runOnce();
  await t.services.delivery.runOnce();
}

async function report(parent: ParentSession, body: Record<string, string>) {
  const form = await parent.agent.get(`/kind/${parent.handle}/ziekmelden`);
  expect(form.status, form.text.slice(0, 300)).to.equal(200);
  return parent.agent.post(`/kind/${parent.handle}/ziekmelden`).type('form').send({ _csrf: csrfFrom(form.text), ...body });
}

describe('absence reports (ziekmelding)', function () {
  this.timeout(30_000);

  it('is reached from the child\'s page, stored before "ontvangen", and delivered through the SIS once', async () => {
    const t = await createTestApp({ now: EARLY });
    const parent = await parentSession(t);
    const child = await parent.agent.get(`/kind/${parent.handle}`);
    expect(child.text).to.include(`href="/kind/${parent.handle}/ziekmelden"`);

    const res = await report(parent, { when: 'today', dayPart: 'day', reason: 'ZIEK', note: 'koorts' });
    expect(res.status, res.text.slice(0, 300)).to.equal(303);
    expect(res.headers.location).to.equal(`/kind/${parent.handle}/ziekmelden?ontvangen=1&al=0`);
    const records = await stored(t);
    expect(records).to.have.length(1);
    expect(records[0]).to.include({ studentId: parent.studentId, date: '2027-03-02', dayPart: 'day', reasonCode: 'ZIEK', authorised: true, note: 'koorts' });
    const item = await t.services.outbox.get(records[0]!.deliveryKey);
    expect(item?.kind).to.equal('absence-report');
    expect(JSON.stringify(item?.payload), 'the note is sealed in the outbox').not.to.include('koorts');
    expect((await t.services.store.audit.query({ action: 'absence.report' }))[0]).to.include({ actor: parent.accountId, studentId: parent.studentId });

    const page = await parent.agent.get(res.headers.location!);
    expect(page.text).to.include('Ontvangen');
    expect(page.text).to.include('gemeld door u');

    await settle(t);
    await settle(t);
    const received = mockOf(t).reportedAbsences;
    expect(received).to.have.length(1);
    expect(received[0]!.idempotencyKey).to.equal(records[0]!.deliveryKey);
    expect(received[0]!.change).to.include({ studentId: parent.studentId, date: '2027-03-02', dayPart: 'day', authorised: true });
    expect((await stored(t))[0]!.delivery).to.include({ via: 'sis', reference: received[0]!.reference });
  });

  it('after the cut-off refuses a report for today with the school\'s phone number, and stores nothing', async () => {
    const t = await createTestApp({ now: LATE });
    const parent = await parentSession(t);
    const form = await parent.agent.get(`/kind/${parent.handle}/ziekmelden`);
    expect(form.text).not.to.include('value="today"');
    expect(form.text).to.include('href="tel:0301234567"');
    const res = await parent.agent.post(`/kind/${parent.handle}/ziekmelden`).type('form')
      .send({ _csrf: csrfFrom(form.text), when: 'today', dayPart: 'day', reason: 'ZIEK' });
    expect(res.status).to.equal(422);
    expect(res.text).to.include('Na 08:15 uur kunt u voor vandaag niet meer online melden');
    expect(res.text).to.include('030 123 45 67');
    expect(await stored(t)).to.deep.equal([]);
    expect(await t.services.outbox.list({ kind: 'absence-report' })).to.deep.equal([]);
    // The next school day is still taken after the cut-off.
    const tomorrow = await parent.agent.post(`/kind/${parent.handle}/ziekmelden`).type('form')
      .send({ _csrf: csrfFrom(form.text), when: 'tomorrow', dayPart: 'morning', reason: 'ARTS' });
    expect(tomorrow.status).to.equal(303);
    expect((await stored(t)).map((r) => r.date)).to.deep.equal(['2027-03-03']);
  });

  it('re-renders a bad form with the parent\'s input and a message per field', async () => {
    const t = await createTestApp({ now: EARLY });
    const parent = await parentSession(t);
    const res = await report(parent, { when: 'range', from: '2027-03-01', to: '', dayPart: 'night', reason: 'NOPE', note: 'x'.repeat(501) });
    expect(res.status).to.equal(422);
    expect(res.text).to.match(/id="error-from">[\s\S]*?Deze dag is al voorbij\./);
    expect(res.text).to.match(/id="error-dayPart">[\s\S]*?Kies een deel van de dag\./);
    expect(res.text).to.match(/id="error-reason">[\s\S]*?Kies een reden\./);
    expect(res.text).to.match(/id="error-note">[\s\S]*?De toelichting is te lang/);
    expect(res.text).to.include('value="2027-03-01"');
    expect(await stored(t)).to.deep.equal([]);
  });

  it('stores a range as one report per school day, weekends and holidays left out', async () => {
    const t = await createTestApp({ now: EARLY });
    const parent = await parentSession(t);
    // Thursday 11 to Tuesday 16 March: Saturday and Sunday are no school days.
    const res = await report(parent, { when: 'range', from: '2027-03-11', to: '2027-03-16', dayPart: 'day', reason: 'ZIEK' });
    expect(res.status).to.equal(303);
    expect((await stored(t)).map((r) => r.date).sort()).to.deep.equal(['2027-03-11', '2027-03-12', '2027-03-15', '2027-03-16']);
    // A weekend only: nothing to report.
    const holiday = await report(parent, { when: 'range', from: '2027-03-06', to: '2027-03-07', dayPart: 'day', reason: 'ZIEK' });
    expect(holiday.status).to.equal(422);
    expect(holiday.text).to.include('In deze periode zijn geen schooldagen.');
  });

  it('makes one report of the same day sent by both parents; the other parent sees "gemeld", not "gemeld door u", until the SIS has it', async () => {
    // The SIS is down while they report, so the reports wait in the outbox (the pages are served from the cache).
    const t = await createTestApp({ now: EARLY, values: { sis: { stack: [{ adapter: 'mock', config: { hideFuture: true, outage: OUTAGE } }] } } });
    const father = await parentSession(t, DEMO.father);
    const mother = await parentSession(t, DEMO.mother);
    expect(mother.studentId).to.equal(father.studentId);
    for (const parent of [father, mother]) {
      await parent.agent.get(`/kind/${parent.handle}/absenties`);
      await parent.agent.get(`/kind/${parent.handle}/ziekmelden`);
    }
    t.clock.set('2027-03-02T07:50:00+01:00');
    expect((await report(father, { when: 'tomorrow', dayPart: 'day', reason: 'ZIEK' })).status).to.equal(303);
    const second = await report(mother, { when: 'tomorrow', dayPart: 'afternoon', reason: 'ARTS' });
    expect(second.headers.location).to.equal(`/kind/${mother.handle}/ziekmelden?ontvangen=0&al=1`);
    expect((await mother.agent.get(second.headers.location!)).text).to.include('Deze dag was al gemeld');
    expect(await stored(t)).to.have.length(1);
    expect(await t.services.outbox.list({ kind: 'absence-report' })).to.have.length(1);

    const motherSees = await mother.agent.get(`/kind/${mother.handle}/absenties`);
    expect(motherSees.text).to.include('Via het ouderportaal gemeld');
    expect(motherSees.text).to.match(/Ziek\): <strong>gemeld<\/strong>/);
    expect(motherSees.text).not.to.include('gemeld door u');
    const fatherSees = await father.agent.get(`/kind/${father.handle}/absenties`);
    expect(fatherSees.text).to.match(/Ziek\): <strong>gemeld door u<\/strong>/);

    // Once the SIS has the day, its own record shows instead.
    t.clock.set('2027-03-02T09:30:00+01:00');
    await settle(t);
    await settle(t);
    expect(mockOf(t).reportedAbsences).to.have.length(1);
    const again = await parentSession(t, DEMO.father);
    const after = await again.agent.get(`/kind/${again.handle}/absenties`);
    expect(after.text).not.to.include('gemeld door u');
    expect(after.text).to.include('Er staan geen meldingen open.');
  });

  it('during an SIS outage says "ontvangen", and delivers the report once when the SIS is back', async () => {
    const t = await createTestApp({ now: EARLY, values: { sis: { stack: [{ adapter: 'mock', config: { hideFuture: true, outage: OUTAGE } }] } } });
    const parent = await parentSession(t);
    const form = await parent.agent.get(`/kind/${parent.handle}/ziekmelden`);
    t.clock.set('2027-03-02T07:50:00+01:00');
    const res = await parent.agent.post(`/kind/${parent.handle}/ziekmelden`).type('form')
      .send({ _csrf: csrfFrom(form.text), when: 'today', dayPart: 'morning', reason: 'ZIEK' });
    expect(res.status).to.equal(303);
    expect((await parent.agent.get(res.headers.location!)).text).to.include('Ontvangen');
    await settle(t);
    const [record] = await stored(t);
    const waiting = await t.services.outbox.get(record!.deliveryKey);
    expect(waiting).to.include({ status: 'pending' });
    expect(waiting!.lastError).to.equal('SIS_UNAVAILABLE');
    expect(mockOf(t).reportedAbsences).to.deep.equal([]);

    t.clock.set('2027-03-02T09:30:00+01:00');
    await settle(t);
    await settle(t);
    expect(mockOf(t).reportedAbsences).to.have.length(1);
    expect(await t.services.outbox.get(record!.deliveryKey)).to.include({ status: 'delivered' });
    expect((await t.services.outbox.list({ kind: 'absence-report' }))).to.have.length(1);
  });

  it('lets a limited account report only when the school\'s grant names the section', async () => {
    const t = await createTestApp({ now: EARLY });
    const parent = await parentSession(t);
    const limit = (sections: string[]) => t.services.store.accounts.update(parent.accountId, {
      scope: 'limited', updatedAt: EARLY, grant: { sections, until: '2027-12-31', reason: 'art. 1:377c BW', grantedBy: 'test', grantedAt: EARLY },
    });
    const form = await parent.agent.get(`/kind/${parent.handle}/ziekmelden`);
    await limit(['personalia', 'absences']);
    expect((await parent.agent.get(`/kind/${parent.handle}/ziekmelden`)).status).to.equal(403);
    const refused = await parent.agent.post(`/kind/${parent.handle}/ziekmelden`).type('form')
      .send({ _csrf: csrfFrom(form.text), when: 'today', dayPart: 'day', reason: 'ZIEK' });
    expect(refused.status).to.equal(403);
    expect(await stored(t)).to.deep.equal([]);
    expect((await parent.agent.get(`/kind/${parent.handle}/absenties`)).text).not.to.include('Via het ouderportaal gemeld');

    await limit(['personalia', 'absences', 'absence-report']);
    expect((await report(parent, { when: 'today', dayPart: 'day', reason: 'ZIEK' })).status).to.equal(303);
    expect(await stored(t)).to.have.length(1);
  });

  describe('without absences.report in the SIS', () => {
    let smtp: TestSmtp;
    beforeEach(async () => { smtp = await startTestSmtp(); });
    afterEach(() => smtp.stop());

    const withoutReports = (overrides?: ServiceOverrides) => createTestApp({
      now: EARLY,
      values: {
        ...smtpValues(smtp.port),
        sis: { stack: [{ adapter: 'mock', config: { hideFuture: true, capabilities: CAPABILITIES.filter((c) => c !== 'absences.report') } }] },
        absences: { administrationEmail: 'verzuim@debron.example' },
      },
      ...(overrides && { overrides }),
    });

    it('mails the child\'s teacher at the SIS\'s address and lists the report on the staff page', async () => {
      const t = await withoutReports();
      expect(t.services.stack.reportAbsence).to.equal(undefined);
      const parent = await parentSession(t);
      const teacher = (await t.services.sis.getStudent(parent.studentId)).value.teachers.find((x) => x.email)!.email!;
      expect((await report(parent, { when: 'today', dayPart: 'day', reason: 'OVERIG', note: 'bruiloft' })).status).to.equal(303);
      await settle(t);
      const mails = smtp.to(teacher);
      expect(mails).to.have.length(1);
      expect(mails[0]!.text).to.include('Andere reden (ongeoorloofd)');
      expect(mails[0]!.text).to.include('Toelichting: bruiloft');
      expect(smtp.to('verzuim@debron.example'), 'the administration only without a teacher address').to.have.length(0);
      expect((await stored(t))[0]!.delivery).to.include({ via: 'mail', routedTo: 'teacher' });

      const staff = await operatorLogin(t);
      const page = await staff.agent.get('/beheer/ziekmeldingen');
      expect(page.status).to.equal(200);
      const [record] = await stored(t);
      expect(page.text).to.include(`id="ziekmelding-${record!.reference}"`);
      expect(page.text).to.include('per e-mail aan de leerkracht');
      const views = await t.services.store.audit.query({ action: 'view', studentId: parent.studentId });
      expect(views.some((v) => v.actorKind === 'operator' && v.section === 'absence-report')).to.equal(true);
    });

    it('lets staff mark a mailed report as entered in the SIS, audited; a parent\'s session and the wrong role change nothing', async () => {
      const t = await withoutReports();
      const parent = await parentSession(t);
      expect((await report(parent, { when: 'today', dayPart: 'day', reason: 'ZIEK' })).status).to.equal(303);
      await settle(t);
      const [record] = await stored(t);
      expect(record!.delivery).to.include({ via: 'mail' });

      // The attacker's path: a parent's own session posts to the staff action with its own CSRF token.
      const own = await parent.agent.get(`/kind/${parent.handle}/ziekmelden`);
      const crafted = await parent.agent.post(`/beheer/ziekmeldingen/${record!.id}/ingevoerd`).type('form').send({ _csrf: csrfFrom(own.text) });
      expect(crafted.status).to.equal(303);
      expect(crafted.headers.location).to.equal('/beheer/inloggen');
      expect((await stored(t))[0]!.processed).to.equal(undefined);

      const staff = await operatorLogin(t);
      const page = await staff.agent.get('/beheer/ziekmeldingen');
      expect(page.text).to.include(`action="/beheer/ziekmeldingen/${record!.id}/ingevoerd"`);
      const marked = await staff.agent.post(`/beheer/ziekmeldingen/${record!.id}/ingevoerd`).type('form').send({ _csrf: csrfFrom(page.text) });
      expect(marked.status).to.equal(303);
      expect(marked.headers.location).to.equal(`/beheer/ziekmeldingen?melding=processed#ziekmelding-${record!.reference}`);
      expect((await stored(t))[0]!.processed).to.include({ by: DEMO_OPERATOR.username });
      const after = await staff.agent.get('/beheer/ziekmeldingen?melding=processed');
      expect(after.text).to.include('De melding staat als ingevoerd.');
      expect(after.text).to.include(`Ingevoerd door ${DEMO_OPERATOR.username}`);
      expect(after.text).not.to.include(`action="/beheer/ziekmeldingen/${record!.id}/ingevoerd"`);
      const audit = await t.services.store.audit.query({ action: 'absence.processed' });
      expect(audit).to.have.length(1);
      expect(audit[0]).to.include({ actor: DEMO_OPERATOR.username, actorKind: 'operator', studentId: parent.studentId });

      // Twice is once.
      const again = await staff.agent.post(`/beheer/ziekmeldingen/${record!.id}/ingevoerd`).type('form').send({ _csrf: csrfFrom(after.text) });
      expect(again.headers.location).to.match(/melding=alreadyProcessed/);
      expect(await t.services.store.audit.query({ action: 'absence.processed' })).to.have.length(1);

      // The head (directie only) does not work the absence reports.
      const head = await createTestApp({
        now: EARLY,
        values: {
          ...smtpValues(smtp.port), absences: { administrationEmail: 'verzuim@debron.example' },
          sis: { stack: [{ adapter: 'mock', config: { hideFuture: true, capabilities: CAPABILITIES.filter((c) => c !== 'absences.report') } }] },
          operators: { accounts: [{ username: DEMO_OPERATOR.username, name: 'Staff De Bron', demoPassword: DEMO_OPERATOR.password, roles: ['directie'] }] },
        },
      });
      const p2 = await parentSession(head);
      expect((await report(p2, { when: 'today', dayPart: 'day', reason: 'ZIEK' })).status).to.equal(303);
      await settle(head);
      const [r2] = await stored(head);
      const director = await operatorLogin(head);
      expect((await director.agent.get('/beheer/ziekmeldingen')).status).to.equal(403);
      const leavePage = await director.agent.get('/beheer/verlof');
      const refused = await director.agent.post(`/beheer/ziekmeldingen/${r2!.id}/ingevoerd`).type('form').send({ _csrf: csrfFrom(leavePage.text) });
      expect(refused.status).to.equal(403);
      expect((await stored(head))[0]!.processed).to.equal(undefined);
    });

    it('mails the administration when the SIS gives the teacher no address', async () => {
      const t = await withoutReports({ importModule: sisWithoutTeacherAddresses });
      const parent = await parentSession(t);
      expect((await t.services.sis.getStudent(parent.studentId)).value.teachers.some((x) => x.email)).to.equal(false);
      expect((await report(parent, { when: 'today', dayPart: 'day', reason: 'ZIEK' })).status).to.equal(303);
      await settle(t);
      expect(smtp.to('verzuim@debron.example')).to.have.length(1);
      expect(smtp.messages).to.have.length(1);
      expect((await stored(t))[0]!.delivery).to.include({ via: 'mail', routedTo: 'administration' });
      const staff = await operatorLogin(t);
      expect((await staff.agent.get('/beheer/ziekmeldingen')).text).to.include('per e-mail aan de administratie');
    });
  });
});
