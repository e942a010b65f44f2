/**
 * "A new report is available", end to end through a real SMTP server: a parent opts in, the
 * reports section reopens on 2 July (the June closure ends) and the news of the June report
 * arrives in one mail inside the delivery window, naming the child only.
 */
import { expect } from 'chai';
import { displayName } from '../../gateway/routes/parent/view-models/person-name.ts';
import { DEMO } from '../support/app.ts';
import { loginAs, tokenFor } from '../support/agent.ts';
import { useReportNotifications } from './report-notifications.support.ts';

describe('notifications: a new report', function () {
  this.timeout(30_000);
  // The daily check runs beside the reports job: a report issued on the day the section reopens is told once, not by both.
  const reports = useReportNotifications({ now: '2027-06-20T12:00:00+02:00' });

  async function sendDue() {
    const { t, digest } = reports;
    await digest.runOnce();
    await t.services.delivery.runOnce();
  }

  it('tells a parent who opted in about the June report on 2 July, inside the window, once', async () => {
    const { t, smtp, scheduler, check } = reports;
    const parent = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const res = await parent.agent.post('/account/meldingen').type('form')
      .send({ _csrf: await tokenFor(parent.agent, '/account/meldingen'), topics: ['reports'] });
    expect(res.status).to.equal(303);
    const account = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!;
    const names = await Promise.all(account.studentIds!.map(async (id) => displayName((await t.services.sis.getStudent(id)).value.name)));

    t.clock.set('2027-07-01T23:00:00+02:00');
    await scheduler.tick();
    await check.runOnce();
    await sendDue();
    expect(smtp.messages).to.have.length(0);

    t.clock.set('2027-07-02T00:00:30+02:00');
    await scheduler.tick();
    await check.runOnce();
    await sendDue();
    expect(smtp.messages, 'nothing before the window').to.have.length(0);

    t.clock.set('2027-07-02T16:00:00+02:00');
    await sendDue();
    expect(smtp.messages).to.have.length(1);
    for (const name of names) expect(smtp.messages[0]!.text).to.include(`Er is een nieuw rapport van ${name} in het ouderportaal.`);

    t.clock.set('2027-07-03T16:00:00+02:00');
    await scheduler.tick();
    await check.runOnce();
    await sendDue();
    expect(smtp.messages).to.have.length(1);
  });

  it('tells nobody who did not opt in', async () => {
    const { t, smtp, scheduler, check } = reports;
    t.clock.set('2027-07-02T16:00:00+02:00');
    await scheduler.tick();
    await check.runOnce();
    await sendDue();
    expect(smtp.messages).to.have.length(0);
  });
});
