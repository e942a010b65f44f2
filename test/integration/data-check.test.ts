/**
 * The data check (calendar event kind `data-check`, demo calendar: 5 July 2027 07:00): on its date a
 * parent with gezag is asked at their next login, may choose "later" dataCheck.skipsAllowed times,
 * then finds it due on every page until they confirm or start a correction; the answer is stored
 * and audited and staff see it per family. Reminder mails go out after dataCheck.reminderAfter,
 * only inside the delivery window, once, through the outbox and a real SMTP server.
 */
import { expect } from 'chai';
import { createTestApp, csrfFrom, DEMO, type TestApp } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';
import { operatorLogin } from '../support/operator.ts';
import { smtpValues, startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { DATA_CHECK_ANSWERS_COLLECTION, type DataCheckAnswer } from '../../gateway/data-check/index.ts';
import { runDataCheckReminders } from '../../gateway/data-check/reminders.ts';

describe('the data check', function () {
  this.timeout(60_000);
  let smtp: TestSmtp;
  let t: TestApp;

  before(async () => { smtp = await startTestSmtp(); });
  after(() => smtp.stop());
  beforeEach(async () => {
    smtp.messages.length = 0;
    t = await createTestApp({ now: '2027-07-04T10:00:00+02:00', values: smtpValues(smtp.port) });
  });
  afterEach(async () => { await t.services.mailer.close?.(); });

  const login = async () => (await loginAs(t, DEMO.parent.username, DEMO.parent.password)).agent;

  it('asks at login on its date, may be put off twice, then is due until confirmed', async () => {
    let agent = await login();
    expect((await agent.get('/')).status, 'not before its date').to.equal(200);

    t.clock.set('2027-07-05T10:00:00+02:00');
    agent = await login();
    const asked = await agent.get('/');
    expect(asked.status).to.equal(303);
    expect(asked.headers.location).to.equal('/gegevenscontrole');
    const page = await agent.get('/gegevenscontrole');
    expect(page.status).to.equal(200);
    expect(page.text).to.include('Kloppen de gegevens van uw gezin nog?').and.include('value="later"');
    const account = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!;
    const child = (await t.services.sis.getStudent(account.studentIds![0]!)).value;
    expect(page.text).to.include(child.name.given);
    const views = await t.services.store.audit.query({});
    expect(views.filter((a) => a.section === 'personalia' && a.detail?.page === 'data-check')).to.have.length(account.studentIds!.length);
    expect((await agent.get('/')).status, 'asked once per session while skippable').to.equal(200);

    for (let i = 0; i < 2; i += 1) {
      agent = await login();
      expect((await agent.get('/')).headers.location).to.equal('/gegevenscontrole');
      const form = await agent.get('/gegevenscontrole');
      const later = await agent.post('/gegevenscontrole').type('form').send({ _csrf: csrfFrom(form.text), antwoord: 'later' });
      expect(later.headers.location).to.equal('/');
    }

    agent = await login();
    const due = await agent.get('/gegevenscontrole');
    expect(due.text).to.include('U heeft de controle al een paar keer uitgesteld').and.not.include('value="later"');
    const handle = t.services.handles.handleFor(account.id, account.studentIds![0]!);
    expect((await agent.get(`/kind/${handle}`)).headers.location, 'due: every page leads to it').to.equal('/gegevenscontrole');
    expect((await agent.get(`/kind/${handle}/wijzigen`)).status, 'the correction form stays reachable').to.equal(200);
    const refused = await agent.post('/gegevenscontrole').type('form').send({ _csrf: csrfFrom(due.text), antwoord: 'later' });
    expect(refused.headers.location).to.equal('/gegevenscontrole');
    expect((await agent.get('/')).status).to.equal(303);

    const confirmed = await agent.post('/gegevenscontrole').type('form').send({ _csrf: csrfFrom(due.text), antwoord: 'klopt' });
    expect(confirmed.status).to.equal(303);
    expect((await agent.get('/')).status).to.equal(200);
    const answers = await t.services.store.collection<DataCheckAnswer>(DATA_CHECK_ANSWERS_COLLECTION).list();
    expect(answers).to.have.length(1);
    expect(answers[0]).to.include({ accountId: account.id, outcome: 'confirmed', skips: 2 });
    const audit = await t.services.store.audit.query({});
    expect(audit.filter((a) => a.action === 'data-check.confirmed' && a.actor === account.id)).to.have.length(1);

    const staff = await operatorLogin(t);
    const overview = await staff.agent.get('/beheer/gegevenscontrole');
    expect(overview.status).to.equal(200);
    expect(overview.text).to.include('gegevenscontrole-zomer').and.include('Bevestigd').and.include('Nog niet gedaan');
  });

  it('a correction is an answer too, and leads to that child\'s correction form', async () => {
    t.clock.set('2027-07-05T10:00:00+02:00');
    const agent = await login();
    const form = await agent.get('/gegevenscontrole');
    const handle = /name="kind" value="([^"]+)"/.exec(form.text)![1]!;
    const foreign = await agent.post('/gegevenscontrole').type('form').send({ _csrf: csrfFrom(form.text), antwoord: 'correctie', kind: 'nietvanmij' });
    expect(foreign.status).to.equal(404);
    const res = await agent.post('/gegevenscontrole').type('form').send({ _csrf: csrfFrom(form.text), antwoord: 'correctie', kind: handle });
    expect(res.headers.location).to.equal(`/kind/${handle}/wijzigen`);
    const answers = await t.services.store.collection<DataCheckAnswer>(DATA_CHECK_ANSWERS_COLLECTION).list();
    expect(answers[0]).to.include({ outcome: 'correction' });
  });

  it('reminds those who have not answered, once, only inside the delivery window', async () => {
    const deps = { ...t.services, answers: t.services.dataCheck.answers };
    const send = async () => {
      const report = await runDataCheckReminders(deps);
      await t.services.delivery.runOnce();
      return report;
    };
    // One parent confirms on the first day.
    t.clock.set('2027-07-05T10:00:00+02:00');
    const agent = await login();
    const form = await agent.get('/gegevenscontrole');
    await agent.post('/gegevenscontrole').type('form').send({ _csrf: csrfFrom(form.text), antwoord: 'klopt' });

    t.clock.set('2027-07-06T16:30:00+02:00');
    expect((await send()).queued, 'before dataCheck.reminderAfter').to.have.length(0);
    t.clock.set('2027-07-12T10:00:00+02:00');
    const outside = await send();
    expect(outside.inWindow).to.equal(false);
    expect(smtp.messages, 'nothing outside the window').to.have.length(0);

    t.clock.set('2027-07-12T16:30:00+02:00');
    const inside = await send();
    expect(inside.queued.length).to.be.greaterThan(0);
    expect(smtp.messages).to.have.length(inside.queued.length);
    const confirmedBy = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!;
    expect(smtp.to(confirmedBy.email!), 'the parent who confirmed gets none').to.have.length(0);
    const mail = smtp.messages[0]!;
    expect(mail.subject).to.include('gegevens van uw gezin');
    expect(mail.text).to.include('/gegevenscontrole');

    t.clock.set('2027-07-13T17:00:00+02:00');
    expect((await send()).queued, 'once per parent').to.have.length(0);
    expect(smtp.messages).to.have.length(inside.queued.length);
  });
});
