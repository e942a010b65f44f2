/**
 * The data check (calendar event kind `data-check`, demo calendar: 5 July 2027 07:00): on its date a
 * parent with gezag is asked at their next login, may choose "later" dataCheck.skipsAllowed times,
 * then finds it due on every page until they confirm or send a correction ("Er klopt iets niet"
 * only opens the correction form: until it is sent the parent is still asked, still reminded, and
 * staff see "correction started"); the answer is stored and audited and staff see it per family.
 * A limited account is never asked, whatever its grant names. Reminder mails go out after
 * dataCheck.reminderAfter, only inside the delivery window, once, through the outbox and a real
 * SMTP server.
 */
import { expect } from 'chai';
import { csrfFrom, DEMO } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';
import { operatorLogin } from '../support/operator.ts';
import { useSmtpApp } from '../support/smtp-app.ts';
import { formFields, formValues, newAddress, sendCorrection } from './changes.support.ts';
import { DATA_CHECK_ANSWERS_COLLECTION, type DataCheckAnswer } from '../../gateway/data-check/index.ts';
import { runDataCheckReminders } from '../../gateway/data-check/reminders.ts';

describe('the data check', function () {
  this.timeout(60_000);
  const mail = useSmtpApp({ now: '2027-07-04T10:00:00+02:00' });

  const login = async () => (await loginAs(mail.t, DEMO.parent.username, DEMO.parent.password)).agent;
  const storedAnswers = () => mail.t.services.store.collection<DataCheckAnswer>(DATA_CHECK_ANSWERS_COLLECTION).list();
  const send = async () => {
    const report = await runDataCheckReminders({ ...mail.t.services, answers: mail.t.services.dataCheck.answers });
    await mail.t.services.delivery.runOnce();
    return report;
  };

  it('asks at login on its date, may be put off twice, then is due until confirmed', async () => {
    let agent = await login();
    expect((await agent.get('/')).status, 'not before its date').to.equal(200);

    mail.t.clock.set('2027-07-05T10:00:00+02:00');
    agent = await login();
    const asked = await agent.get('/');
    expect(asked.status).to.equal(303);
    expect(asked.headers.location).to.equal('/gegevenscontrole');
    const page = await agent.get('/gegevenscontrole');
    expect(page.status).to.equal(200);
    expect(page.text).to.include('Kloppen de gegevens van uw gezin nog?').and.include('value="later"');
    const account = (await mail.t.services.store.accounts.findByUsername(DEMO.parent.username))!;
    const child = (await mail.t.services.sis.getStudent(account.studentIds![0]!)).value;
    expect(page.text).to.include(child.name.given);
    const views = await mail.t.services.store.audit.query({});
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
    const handle = mail.t.services.handles.handleFor(account.id, account.studentIds![0]!);
    expect((await agent.get(`/kind/${handle}`)).headers.location, 'due: every page leads to it').to.equal('/gegevenscontrole');
    expect((await agent.get(`/kind/${handle}/wijzigen`)).status, 'the correction form stays reachable').to.equal(200);
    const refused = await agent.post('/gegevenscontrole').type('form').send({ _csrf: csrfFrom(due.text), antwoord: 'later' });
    expect(refused.headers.location).to.equal('/gegevenscontrole');
    expect((await agent.get('/')).status).to.equal(303);

    const confirmed = await agent.post('/gegevenscontrole').type('form').send({ _csrf: csrfFrom(due.text), antwoord: 'klopt' });
    expect(confirmed.status).to.equal(303);
    expect((await agent.get('/')).status).to.equal(200);
    const answers = await mail.t.services.store.collection<DataCheckAnswer>(DATA_CHECK_ANSWERS_COLLECTION).list();
    expect(answers).to.have.length(1);
    expect(answers[0]).to.include({ accountId: account.id, outcome: 'confirmed', skips: 2 });
    const audit = await mail.t.services.store.audit.query({});
    expect(audit.filter((a) => a.action === 'data-check.confirmed' && a.actor === account.id)).to.have.length(1);

    const staff = await operatorLogin(mail.t);
    const overview = await staff.agent.get('/beheer/gegevenscontrole');
    expect(overview.status).to.equal(200);
    expect(overview.text).to.include('gegevenscontrole-zomer').and.include('Bevestigd').and.include('Nog niet gedaan');
  });

  it('counts "Er klopt iets niet" only once the correction is sent: until then still asked, reminded, and "correction started" for staff', async () => {
    const t = mail.t;
    t.clock.set('2027-07-05T10:00:00+02:00');
    let agent = await login();
    const form = await agent.get('/gegevenscontrole');
    const handle = /name="kind" value="([^"]+)"/.exec(form.text)![1]!;
    const foreign = await agent.post('/gegevenscontrole').type('form').send({ _csrf: csrfFrom(form.text), antwoord: 'correctie', kind: 'nietvanmij' });
    expect(foreign.status).to.equal(404);
    const res = await agent.post('/gegevenscontrole').type('form').send({ _csrf: csrfFrom(form.text), antwoord: 'correctie', kind: handle });
    expect(res.headers.location).to.equal(`/kind/${handle}/wijzigen`);
    const account = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!;
    let [answer] = await storedAnswers();
    expect(answer).to.include({ accountId: account.id });
    expect(answer!.outcome, 'opening the correction form is not an answer').to.equal(undefined);
    expect(answer!.correctionStartedAt).to.be.a('string');
    expect((await t.services.store.audit.query({ action: 'data-check.correction-started' })).map((a) => a.actor)).to.deep.equal([account.id]);

    // The parent leaves the form without sending it: the next login asks again, and says so.
    agent = await login();
    expect((await agent.get('/')).headers.location, 'still asked').to.equal('/gegevenscontrole');
    expect((await agent.get('/gegevenscontrole')).text).to.include('U bent begonnen met een correctie, maar die is nog niet verstuurd.');
    const staff = await operatorLogin(t);
    expect((await staff.agent.get('/beheer/gegevenscontrole')).text).to.include('Correctie begonnen, nog niet verstuurd').and.not.include('Correctie verstuurd');
    t.clock.set('2027-07-12T16:30:00+02:00');
    expect((await send()).queued, 'reminded like a parent who did nothing').to.include(`data-check:${answer!.check}:${account.id}`);
    expect(mail.smtp.to(account.email!)).to.have.length(1);

    // A week on (a new login): the correction is sent, and that answers the check.
    agent = await login();
    const page = await agent.get(`/kind/${handle}/wijzigen`);
    expect(page.status, page.text.slice(0, 500)).to.equal(200);
    const sent = await sendCorrection(agent, handle, { ...formFields(page.text), ...newAddress(formValues(page.text)) });
    [answer] = await storedAnswers();
    expect(answer).to.include({ outcome: 'corrected', correction: sent.reference });
    const corrected = await t.services.store.audit.query({ action: 'data-check.corrected' });
    expect(corrected.map((a) => [a.actor, a.detail?.reference])).to.deep.equal([[account.id, sent.reference]]);
    expect((await agent.get('/')).status, 'no longer asked').to.equal(200);
    expect((await (await operatorLogin(t)).agent.get('/beheer/gegevenscontrole')).text).to.include('Correctie verstuurd').and.not.include('Correctie begonnen');
  });

  it('never asks a limited account, whatever its grant names, nor shows it the family\'s data, nor reminds it', async () => {
    const t = mail.t;
    const account = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!;
    const NOW = '2027-07-05T10:00:00+02:00';
    await t.services.store.accounts.update(account.id, {
      scope: 'limited', updatedAt: NOW,
      grant: { sections: ['personalia', 'absences', 'changes', 'data-check'], until: '2027-12-31', reason: 'art. 1:377c BW', grantedBy: 'test', grantedAt: NOW },
    });
    t.clock.set(NOW);
    const agent = await login();
    expect((await agent.get('/')).status, 'not sent to the check').to.equal(200);
    const page = await agent.get('/gegevenscontrole');
    expect(page.status).to.equal(200);
    expect(page.text).to.include('Voor uw account is er geen gegevenscontrole.').and.not.include('name="antwoord"');
    const child = (await t.services.sis.getStudent(account.studentIds![0]!)).value;
    expect(page.text, 'none of the family\'s data').not.to.include(child.name.given);
    expect((await t.services.store.audit.query({ section: 'personalia' })).filter((a) => a.detail?.page === 'data-check')).to.deep.equal([]);
    const crafted = await agent.post('/gegevenscontrole').type('form').send({ _csrf: csrfFrom(page.text), antwoord: 'klopt' });
    expect(crafted.headers.location).to.equal('/gegevenscontrole');
    expect(await storedAnswers(), 'a crafted confirmation stores nothing').to.deep.equal([]);

    t.clock.set('2027-07-12T16:30:00+02:00');
    const report = await send();
    expect(report.queued.length, 'others are reminded').to.be.greaterThan(0);
    expect(report.queued.some((k) => k.endsWith(`:${account.id}`)), 'the limited account is not').to.equal(false);
    expect(mail.smtp.to(account.email!)).to.have.length(0);
    const staff = await operatorLogin(t);
    const guardian = (await t.services.sis.getGuardian(account.guardianId)).value;
    expect((await staff.agent.get('/beheer/gegevenscontrole')).text, 'not listed as a parent to follow up').not.to.include(guardian.name.family);
  });

  it('reminds those who have not answered, once, only inside the delivery window', async () => {
    // One parent confirms on the first day.
    mail.t.clock.set('2027-07-05T10:00:00+02:00');
    const agent = await login();
    const form = await agent.get('/gegevenscontrole');
    await agent.post('/gegevenscontrole').type('form').send({ _csrf: csrfFrom(form.text), antwoord: 'klopt' });

    mail.t.clock.set('2027-07-06T16:30:00+02:00');
    expect((await send()).queued, 'before dataCheck.reminderAfter').to.have.length(0);
    mail.t.clock.set('2027-07-12T10:00:00+02:00');
    const outside = await send();
    expect(outside.inWindow).to.equal(false);
    expect(mail.smtp.messages, 'nothing outside the window').to.have.length(0);

    mail.t.clock.set('2027-07-12T16:30:00+02:00');
    const inside = await send();
    expect(inside.queued.length).to.be.greaterThan(0);
    expect(mail.smtp.messages).to.have.length(inside.queued.length);
    const confirmedBy = (await mail.t.services.store.accounts.findByUsername(DEMO.parent.username))!;
    expect(mail.smtp.to(confirmedBy.email!), 'the parent who confirmed gets none').to.have.length(0);
    const reminder = mail.smtp.messages[0]!;
    expect(reminder.subject).to.include('gegevens van uw gezin');
    expect(reminder.text).to.include('/gegevenscontrole');

    mail.t.clock.set('2027-07-13T17:00:00+02:00');
    expect((await send()).queued, 'once per parent').to.have.length(0);
    expect(mail.smtp.messages).to.have.length(inside.queued.length);
  });
});
