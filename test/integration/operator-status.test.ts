/**
 * The status page, complete: each SIS adapter's health, the cache by kind and age, the calendar
 * and what is open today per group, the next events, the jobs' last runs, the outbox, mail; and
 * never a server file path.
 */
import { expect } from 'chai';
import { createTestApp } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';
import { DEMO } from '../support/app.ts';
import { operatorLogin } from '../support/operator.ts';
import type { JobRun } from '../../gateway/jobs/job-types.ts';
import { createNightlyAccounts } from '../../gateway/accounts/account-jobs.ts';
import { createNotificationDigest } from '../../gateway/notifications/digest.ts';
import { createNightlyPurge } from '../../gateway/retention/nightly-purge.ts';
import { createDelayNotices } from '../../gateway/notifications/delay-notices.ts';
import { createReportsIssuedCheck } from '../../gateway/notifications/reports-issued-check.ts';

describe('operator: the status page', function () {
  this.timeout(30_000);

  it('shows every section with what is true now, and no server paths', async () => {
    const t = await createTestApp({ now: '2027-03-01T10:00:00+01:00' });
    // Some cached records, a queued mail, a finished job.
    const parent = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    await parent.agent.get('/');
    t.clock.advance(2 * 3600_000);
    await t.services.mail.queue('status-test', { to: 'ouder@example.org', subject: 'Test', text: 'Test' });
    await t.services.store.collection<JobRun>('jobRuns').put({
      id: 'e|warm-cache', job: 'warm-cache', eventKey: 'e', event: {} as JobRun['event'], startedAt: '2027-03-01T06:00:00.000Z', endedAt: '2027-03-01T06:01:00.000Z', outcome: 'failed', error: 'SIS_UNAVAILABLE',
    });
    const staff = (await operatorLogin(t)).agent;
    const res = await staff.get('/beheer/status');
    expect(res.status).to.equal(200);
    const text = res.text.replace(/\s+/g, ' ');
    expect(text).to.match(/<th scope="row">mock<\/th><td[^>]*>in orde<\/td><td[^>]*>\d+ ms<\/td>/);
    expect(text).to.match(/<th scope="row">guardian<\/th><td[^>]*>\d+<\/td><td[^>]*>2 uur<\/td>/);
    expect(text).to.contain('Open vandaag');
    expect(text).to.match(/<th scope="row">groep 4<\/th>(<td[^>]*>(open|dicht)<\/td>){5}/);
    expect(text).to.contain('Geplande taken');
    expect(text).to.match(/warm-cache<\/th><td[^>]*>[^<]+<\/td><td[^>]*>mislukt: SIS_UNAVAILABLE/);
    expect(text).to.contain('Wachtend: 1');
    expect(text).to.contain('Oudste wachtende: minder dan een minuut');
    expect(text).to.contain('Verzending via file');
    expect(text).not.to.match(/config\/calendar\.yaml|\/var\/|\/work\/|\/tmp\//);
  });

  it('lists the cron routines with their last run and outcome, a failed run as failed', async () => {
    // The SIS is down from 12:00 to 13:00 UTC: the nightly accounts run at 12:30 fails.
    const outage = { from: '2027-03-01T12:00:00Z', to: '2027-03-01T13:00:00Z' };
    const t = await createTestApp({ now: '2027-03-01T10:00:00+01:00', values: { sis: { stack: [{ adapter: 'mock', config: { outage } }] } } });
    expect(await createNotificationDigest(t.services).fire(t.clock.now())).to.equal(true);
    t.clock.advance(60_000);
    await createNightlyPurge(t.services).runOnce();
    await createDelayNotices(t.services).runOnce();
    await createReportsIssuedCheck(t.services).runOnce();
    await t.services.dataCheck.reminders.runOnce();
    t.clock.set('2027-03-01T12:30:00Z');
    const failed = await createNightlyAccounts(t.services).runOnce().then(() => undefined, (err: unknown) => err);
    expect(failed, 'the nightly run fails while the SIS is down').to.be.instanceOf(Error);

    const res = await (await operatorLogin(t)).agent.get('/beheer/status');
    expect(res.status).to.equal(200);
    const text = res.text.replace(/\s+/g, ' ');
    expect(text).to.match(/ouderpoort-notification-digest<\/th><td[^>]*>1 maart 2027 om 10:00<\/td><td[^>]*>gelukt<\/td>/);
    for (const routine of ['nightly-purge', 'correction-delays', 'reports-issued', 'data-check-reminders']) {
      expect(text).to.match(new RegExp(`ouderpoort-${routine}</th><td[^>]*>1 maart 2027 om 10:01</td><td[^>]*>gelukt</td>`), routine);
    }
    expect(text).to.match(/ouderpoort-nightly-accounts<\/th><td[^>]*>1 maart 2027 om 13:30<\/td><td[^>]*>mislukt: Mock SIS outage<\/td>/);
  });
});
