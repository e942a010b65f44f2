/**
 * A report issued while the reports section is already open is told too (issue #19): the school's
 * calendar opens the section on 1 February, "Rapport 1" is issued on 17 February; the daily check
 * notices it that day and the parent who opted in gets one mail inside the delivery window, through
 * a real SMTP server — not again the next day, and not before the issue date. The section-opened
 * job alone (1 February) tells only last year's report.
 */
import { expect } from 'chai';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOTIFICATIONS_COLLECTION } from '../../gateway/notifications/notify.ts';
import { displayName } from '../../gateway/routes/parent/view-models/person-name.ts';
import { DEMO } from '../support/app.ts';
import { loginAs, tokenFor } from '../support/agent.ts';
import { useReportNotifications } from './report-notifications.support.ts';

describe('notifications: a report issued into an open section', function () {
  this.timeout(30_000);
  let dir: string;
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'ouderpoort-reports-')); });
  after(() => rm(dir, { recursive: true, force: true }));
  const reports = useReportNotifications({
    now: '2027-01-31T12:00:00+01:00',
    values: async () => {
      const demo = await readFile('config/calendar.yaml', 'utf8');
      const early = demo.replace(/(- id: rapporten\n\s+sections: \[reports\]\n\s+from: )2027-02-17/, '$12027-02-01');
      expect(early, 'the demo calendar has the reports rule').not.to.equal(demo);
      const file = join(dir, 'calendar.yaml');
      await writeFile(file, early);
      return { calendar: { file } };
    },
  });

  /** One day of the gateway: the scheduler's tick and the daily check just after midnight, the digest in the afternoon. */
  async function day(date: string): Promise<void> {
    const { t, scheduler, check, digest } = reports;
    t.clock.set(`${date}T00:05:00+01:00`);
    await scheduler.tick();
    await check.runOnce();
    await digest.runOnce();
    await t.services.delivery.runOnce();
    t.clock.set(`${date}T16:00:00+01:00`);
    await digest.runOnce();
    await t.services.delivery.runOnce();
  }

  async function optIn(): Promise<string[]> {
    const { t } = reports;
    const parent = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const res = await parent.agent.post('/account/meldingen').type('form')
      .send({ _csrf: await tokenFor(parent.agent, '/account/meldingen'), topics: ['reports'] });
    expect(res.status).to.equal(303);
    const account = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!;
    return Promise.all(account.studentIds!.map(async (id) => displayName((await t.services.sis.getStudent(id)).value.name)));
  }

  /** The reports notified so far, by report id ("R…-2026-1": the school year 2026–2027's Rapport 1). */
  async function toldReports(): Promise<string[]> {
    const { t } = reports;
    return (await t.services.store.collection<{ id: string }>(NOTIFICATIONS_COLLECTION).list()).map((n) => n.id.split(':report:')[1]!).sort();
  }

  it('tells the parent on the issue date, inside the window, once', async () => {
    const { t, smtp, scheduler, check, digest } = reports;
    const names = await optIn();
    await day('2027-02-01');
    // The opening tells last school year's report, which this parent never heard of: one mail.
    expect(smtp.messages).to.have.length(1);
    expect((await toldReports()).every((id) => id.endsWith('-2025-2'))).to.equal(true);
    await day('2027-02-16');
    expect(smtp.messages, 'the section is open, but no new report is issued yet').to.have.length(1);

    t.clock.set('2027-02-17T00:05:00+01:00');
    await scheduler.tick();
    expect((await check.runOnce()).notifications).to.equal(names.length);
    expect((await toldReports()).filter((id) => id.endsWith('-2026-1'))).to.have.length(names.length);
    await digest.runOnce();
    await t.services.delivery.runOnce();
    expect(smtp.messages, 'nothing before the window').to.have.length(1);
    t.clock.set('2027-02-17T16:00:00+01:00');
    await digest.runOnce();
    await t.services.delivery.runOnce();
    expect(smtp.messages).to.have.length(2);
    for (const name of names) expect(smtp.messages[1]!.text).to.include(`Er is een nieuw rapport van ${name} in het ouderportaal.`);

    await day('2027-02-18');
    expect(smtp.messages, 'once per report').to.have.length(2);
    expect(t.logs()).to.include('issued reports checked');
    for (const name of names) expect(t.logs()).not.to.include(name);
  });

  it('catches up a report issued while the gateway was down, once', async () => {
    const { smtp } = reports;
    const names = await optIn();
    await day('2027-02-15');
    expect(smtp.messages).to.have.length(1);
    // Down from 16 to 19 February: the next check sees the report of the 17th.
    await day('2027-02-20');
    expect(smtp.messages).to.have.length(2);
    for (const name of names) expect(smtp.messages[1]!.text).to.include(name);
    expect((await toldReports()).filter((id) => id.endsWith('-2026-1'))).to.have.length(names.length);
    await day('2027-02-21');
    expect(smtp.messages).to.have.length(2);
  });

  it('tells nobody who did not opt in', async () => {
    const { smtp } = reports;
    await day('2027-02-17');
    expect(smtp.messages).to.have.length(0);
  });
});
