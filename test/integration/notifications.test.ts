/**
 * Notifications end to end through a real SMTP server: a parent opts in on the account page,
 * results open at local midnight, and the news arrives as one mail per parent at 16:00 (the
 * delivery window), not before; a confirmed notification address takes over. A digest whose send
 * fails late in the window waits for the next window rather than going out at night.
 */
import { expect } from 'chai';
import request from 'supertest';
import { createScheduler, type Scheduler } from '../../gateway/jobs/index.ts';
import { createNotificationDigest, type NotificationDigest } from '../../gateway/notifications/digest.ts';
import { notify } from '../../gateway/notifications/notify.ts';
import { createResultsNotificationJob } from '../../gateway/notifications/results-job.ts';
import { displayName } from '../../gateway/routes/parent/view-models/person-name.ts';
import { csrfFrom, DEMO, type TestApp } from '../support/app.ts';
import { loginAs, tokenFor, type Agent } from '../support/agent.ts';
import type { TestSmtp } from '../support/smtp.ts';
import { useSmtpApp } from '../support/smtp-app.ts';

describe('notifications by e-mail', function () {
  this.timeout(30_000);
  const mail = useSmtpApp({ now: '2027-02-16T12:00:00+01:00' });
  let smtp: TestSmtp;
  let t: TestApp;
  let scheduler: Scheduler;
  let digest: NotificationDigest;

  beforeEach(async () => {
    ({ t, smtp } = mail);
    scheduler = createScheduler({
      store: t.services.store, clock: t.clock, getCalendar: () => t.services.calendar.current(), logger: t.services.logger, cronExpression: false,
    });
    scheduler.register(createResultsNotificationJob(t.services));
    await scheduler.start();
    digest = createNotificationDigest(t.services);
  });
  afterEach(() => scheduler.stop());

  async function optIn(agent: Agent, topics: string[]) {
    const res = await agent.post('/account/meldingen').type('form').send({ _csrf: await tokenFor(agent, '/account/meldingen'), topics });
    expect(res.status).to.equal(303);
  }

  async function sendDue() {
    await digest.runOnce();
    await t.services.delivery.runOnce();
  }

  it('sends the results news of all children in one mail inside the window, only to parents who opted in', async () => {
    const parent = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const page = await parent.agent.get('/account/meldingen');
    expect(page.status).to.equal(200);
    expect(page.text).to.include('tussen 16:00 en 20:00 uur');
    await optIn(parent.agent, ['results']);
    expect((await parent.agent.get('/account/meldingen')).text).to.match(/value="results" checked/);
    const account = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!;
    const names = await Promise.all(account.studentIds!.map(async (id) => displayName((await t.services.sis.getStudent(id)).value.name)));
    expect(names).to.have.length(2);

    // Results open at local midnight; the notifications wait.
    t.clock.set('2027-02-17T00:00:30+01:00');
    const tick = await scheduler.tick();
    expect(tick.runs.map((r) => r.outcome)).to.include('succeeded');
    await sendDue();
    t.clock.set('2027-02-17T08:15:00+01:00');
    await sendDue();
    t.clock.set('2027-02-17T15:59:00+01:00');
    await sendDue();
    expect(smtp.messages, 'nothing before the window').to.have.length(0);

    t.clock.set('2027-02-17T16:00:00+01:00');
    await sendDue();
    expect(smtp.messages).to.have.length(1);
    const mail = smtp.messages[0]!;
    expect(mail.envelopeTo).to.deep.equal([account.email]);
    expect(mail.subject).to.equal('Nieuws uit het ouderportaal van De Bron');
    for (const name of names) expect(mail.text).to.include(`De resultaten van ${name} zijn nu te zien (Methodetoetsen)`);
    expect(mail.text).to.include('/account/meldingen');

    t.clock.set('2027-02-17T16:05:00+01:00');
    await sendDue();
    expect(smtp.messages, 'nothing twice').to.have.length(1);
  });

  it('tells of a processed correction only to a parent who wants it, and to a confirmed address of their own', async () => {
    t.clock.set('2027-02-17T17:00:00+01:00');
    const parent = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const account = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!;
    const studentId = account.studentIds![0]!;
    const correction = { accountId: account.id, topic: 'corrections' as const, kind: 'correction-processed' as const, studentId };
    expect(await notify(t.services, { ...correction, key: 'correction:c1' }), 'not opted in').to.equal(false);

    await optIn(parent.agent, ['corrections']);
    // A notification address of their own, confirmed through the link sent to it.
    const change = await parent.agent.post('/account/meldingen/email').type('form')
      .send({ _csrf: await tokenFor(parent.agent, '/account/meldingen'), email: 'eigen.adres@example.net' });
    expect(change.status).to.equal(200);
    expect(change.text).to.include('eigen.adres@example.net');
    await t.services.delivery.runOnce();
    const confirm = smtp.to('eigen.adres@example.net');
    expect(confirm).to.have.length(1);
    const link = /(\/account\/email-bevestigen\?token=[A-Za-z0-9_-]+)/.exec(confirm[0]!.text)![1]!;
    expect((await t.services.store.accounts.get(account.id))!.notificationEmail, 'not before confirmation').to.equal(undefined);
    const anonymous = request.agent(t.app);
    const confirmPage = await anonymous.get(link);
    expect(confirmPage.status).to.equal(200);
    const token = new URL(link, 'http://x').searchParams.get('token');
    const confirmed = await anonymous.post('/account/email-bevestigen').type('form').send({ _csrf: csrfFrom(confirmPage.text), token });
    expect(confirmed.status).to.equal(200);
    expect((await anonymous.get(link)).status, 'single use').to.equal(410);
    expect((await parent.agent.get('/account')).text).to.include('eigen.adres@example.net');

    expect(await notify(t.services, { ...correction, key: 'correction:c2' })).to.equal(true);
    expect(await notify(t.services, { ...correction, key: 'correction:c2' }), 'once per key').to.equal(false);
    await sendDue();
    const news = smtp.to('eigen.adres@example.net').filter((m) => m.subject.startsWith('Nieuws'));
    expect(news).to.have.length(1);
    expect(news[0]!.text).to.include('Uw correctie voor');
    // The school's address heard only of the change itself (with a way to undo it), no news.
    expect(smtp.to(account.email!).map((m) => m.subject)).to.deep.equal(['Er is iets gewijzigd aan uw account bij het ouderportaal van De Bron']);

    const newsCount = () => smtp.messages.filter((m) => m.subject.startsWith('Nieuws')).length;
    t.clock.set('2027-02-17T20:00:00+01:00');
    await notify(t.services, { ...correction, key: 'correction:c3' });
    await sendDue();
    expect(newsCount(), 'held after the window closes').to.equal(1);
    t.clock.set('2027-02-18T16:00:00+01:00');
    await sendDue();
    expect(newsCount()).to.equal(2);
  });

  it('retries a digest that failed at 19:59 only inside the next window: SMTP back at 20:05, the mail goes at 16:00 the next day, once', async () => {
    t.clock.set('2027-02-17T19:58:00+01:00');
    const parent = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    await optIn(parent.agent, ['corrections']);
    const account = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!;
    await notify(t.services, { key: 'correction:late', accountId: account.id, topic: 'corrections', kind: 'correction-rejected', studentId: account.studentIds![0]! });

    await smtp.stop();
    try {
      t.clock.set('2027-02-17T19:59:00+01:00');
      const queued = await digest.runOnce();
      expect(queued.mails).to.have.length(1);
      const report = await t.services.delivery.runOnce();
      expect(report.retried).to.deep.equal(queued.mails);
      expect((await t.services.outbox.get(queued.mails[0]!))!.lastError).to.match(/^SMTP /);
    } finally {
      await smtp.start();
    }
    const [key] = (await t.services.outbox.list({ kind: 'mail' })).filter((i) => i.id.startsWith('notify:')).map((i) => i.id);

    for (const at of ['2027-02-17T20:05:00+01:00', '2027-02-17T23:00:00+01:00', '2027-02-18T08:15:00+01:00', '2027-02-18T15:59:00+01:00']) {
      t.clock.set(at);
      await sendDue();
      expect(smtp.messages, `nothing at ${at}`).to.have.length(0);
    }
    const held = (await t.services.outbox.get(key!))!;
    expect(held).to.include({ status: 'pending', attempts: 1, nextAttemptAt: '2027-02-18T15:00:00.000Z' });

    t.clock.set('2027-02-18T16:00:00+01:00');
    await sendDue();
    t.clock.set('2027-02-18T16:30:00+01:00');
    await sendDue();
    expect(smtp.messages).to.have.length(1);
    expect(smtp.messages[0]!.envelopeTo).to.deep.equal([account.email]);
    expect(smtp.messages[0]!.text).to.include('Uw correctie voor');
    expect(await t.services.outbox.get(key!)).to.include({ status: 'delivered', attempts: 2 });
  });
});
