/**
 * The scheduler on PostgreSQL shared by two instances (two stores, each its own pool), with the
 * database really gone for a while (a TCP proxy that cuts every connection): each calendar event's
 * job and each cron firing runs once across both; while the database is gone nothing runs (fail
 * closed), and once it is back the missed work runs once.
 *
 * Then the routines whose work is keyed but not claimed by itself (the correction-delay notices,
 * the daily check of issued reports, the data-check reminders), each on two whole service graphs:
 * the same slot fired on both instances at once runs on one of them, and its work is done once.
 */
import { expect } from 'chai';
import pino from 'pino';
import { createCronRoutine, type CronRoutine } from '../../gateway/jobs/cron-routine.ts';
import { createDelayNotices } from '../../gateway/notifications/delay-notices.ts';
import { createReportsIssuedCheck } from '../../gateway/notifications/reports-issued-check.ts';
import { setTopics } from '../../gateway/notifications/prefs.ts';
import { DEMO, type TestApp } from '../support/app.ts';
import { usePostgresPair } from '../support/postgres-pair.ts';
import { formFields, formValues, newAddress, parentSession, sendCorrection } from './changes.support.ts';
import { createScheduler, type Scheduler } from '../../gateway/jobs/scheduler.ts';
import type { PolicyEvent } from '../../gateway/jobs/policy-events.ts';
import { createSlotClaims } from '../../gateway/jobs/slot-claims.ts';
import { routineRunLog } from '../../gateway/jobs/routine-runs.ts';
import { loadCalendarFile } from '../../gateway/policy/parse-calendar.ts';
import { createPostgresStore, type PostgresStore } from '../../gateway/store/postgres/index.ts';
import { manualClock } from '../support/clock.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

const calendar = loadCalendarFile(new URL('../../config/calendar.yaml', import.meta.url).pathname);
const silent = pino({ level: 'silent' });

describe('the scheduler on PostgreSQL, two instances, the database down for a while', function () {
  this.timeout(60_000);
  let db: TestDatabase;
  let proxy: TcpProxy;
  let stores: PostgresStore[];
  const clock = manualClock('2026-12-07T12:00:00Z');

  before(async () => {
    db = await createTestDatabase('scheduler');
    proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(db.url).port || 5432) });
    const url = new URL(db.url);
    url.port = String(proxy.port);
    stores = [createPostgresStore({ url: url.toString(), poolSize: 2 }), createPostgresStore({ url: url.toString(), poolSize: 2 })];
    for (const store of stores) await store.open();
  });
  after(async () => {
    await proxy?.restore();
    for (const store of stores ?? []) await store.close();
    await proxy?.close();
    await db?.drop();
  });

  it('runs each event\'s job and each cron firing once across both, nothing while the database is gone, and the missed work once when it is back', async () => {
    const seen: Array<[number, string]> = [];
    const schedulers: Scheduler[] = stores.map((store, i) => {
      const s = createScheduler({ store, clock, getCalendar: () => calendar, logger: silent, cronExpression: false, owner: `i${i}`, exclusive: false });
      s.register({ name: 'notify', on: [{ type: 'transition' }, { type: 'scheduled' }], run: (event: PolicyEvent) => { seen.push([i, event.key]); } });
      return s;
    });
    const nightly: string[] = [];
    const routines: CronRoutine<void>[] = stores.map((store, i) => createCronRoutine({
      name: 'nightly', expression: '0 2 * * *', timezone: 'Europe/Amsterdam', logger: silent, failureMessage: 'x', retryMs: 200,
      slots: createSlotClaims({ store, clock, owner: `i${i}`, exclusive: false }), runs: routineRunLog({ store, clock, instanceId: `i${i}` }),
      run: async () => { nightly.push(`i${i}`); },
    }));
    await Promise.all(schedulers.map((s) => s.start()));

    clock.set('2026-12-08T12:00:00Z');
    await Promise.all(schedulers.map((s) => s.tick()));
    expect(seen, 'eight events, each run once').to.have.length(8);
    expect(new Set(seen.map(([, key]) => key)).size).to.equal(8);
    expect(await Promise.all(routines.map((r) => r.fire(new Date('2026-12-08T01:00:00Z'))))).to.have.members([true, false]);
    expect(nightly).to.have.length(1);

    await proxy.cut();
    clock.set('2026-12-15T12:00:00Z');
    const ticks = await Promise.allSettled(schedulers.map((s) => s.tick()));
    expect(ticks.map((t) => t.status), 'no tick without the database').to.deep.equal(['rejected', 'rejected']);
    expect(await Promise.all(routines.map((r) => r.fire(new Date('2026-12-15T01:00:00Z'))))).to.deep.equal([false, false]);
    expect(seen, 'nothing ran').to.have.length(8);
    expect(nightly).to.have.length(1);

    await proxy.restore();
    // The routines try their missed firing again by themselves (every retryMs).
    const deadline = Date.now() + 20_000;
    while (nightly.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await Promise.all(schedulers.map((s) => s.tick()));
    expect(nightly, 'the missed night ran once, late').to.have.length(2);
    const caughtUp = seen.slice(8).map(([, key]) => key);
    expect(caughtUp, 'the missed events ran').to.deep.equal(['scheduled:herinnering-hulpmoment:2026-12-10T15:00:00.000Z', 'scheduled:hulpmoment:2026-12-14T07:30:00.000Z']);
    expect(new Set(caughtUp).size, 'each once').to.equal(caughtUp.length);
    const rows = await db.query<{ n: string }>("SELECT count(*) AS n FROM documents WHERE collection = 'jobRuns' AND id NOT LIKE 'routine|%'");
    expect(Number(rows[0]!.n)).to.equal(seen.length);
    const routineRuns = await db.query<{ outcome: string; instance: string }>(
      "SELECT doc->>'outcome' AS outcome, doc->>'instance' AS instance FROM documents WHERE collection = 'jobRuns' AND id = 'routine|nightly'",
    );
    expect(routineRuns, 'the routine\'s latest run, by the instance that ran it').to.deep.equal([{ outcome: 'succeeded', instance: nightly[1] }]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(nightly, 'and not again').to.have.length(2);
    await Promise.all([...schedulers.map((s) => s.stop()), ...routines.map((r) => r.stop())]);
  });
});

describe('the routines without a claim of their own, two instances firing the same slot on PostgreSQL', function () {
  this.timeout(60_000);
  const pair = usePostgresPair('routines', { poolSize: 4 });

  /**
   * Fires `slot` of each instance's routine at the same moment, as both instances' cron does, and
   * returns the instance that ran it. One did: its fire() says it ran, its claim is the slot's only
   * row, and the routine's run in the job run log is that slot's, by that instance, succeeded.
   */
  async function fireOnBoth(apps: [TestApp, TestApp], job: string, routine: (t: TestApp) => CronRoutine<unknown>, slot: Date): Promise<TestApp> {
    const routines = apps.map(routine);
    let ran: boolean[];
    try {
      ran = await Promise.all(routines.map((r) => r.fire(slot)));
    } finally {
      await Promise.all(routines.map((r) => r.stop()));
    }
    expect(ran, 'the slot ran on one instance, not on both').to.have.members([true, false]);
    const winner = apps[ran.indexOf(true)]!;
    const claims = await pair.db.query<{ id: string; by: string }>(
      "SELECT id, doc->>'claimedBy' AS by FROM documents WHERE collection = 'jobSlots'",
    );
    expect(claims).to.deep.equal([{ id: `${job}|${slot.toISOString()}`, by: winner.services.instanceId }]);
    const runs = await pair.db.query<{ trigger: string; instance: string; outcome: string }>(
      "SELECT doc->>'eventKey' AS trigger, doc->>'instance' AS instance, doc->>'outcome' AS outcome FROM documents WHERE collection = 'jobRuns' AND id = $1",
      [`routine|${job}`],
    );
    expect(runs).to.deep.equal([{ trigger: `slot:${slot.toISOString()}`, instance: winner.services.instanceId, outcome: 'succeeded' }]);
    return winner;
  }

  it('the correction-delay notices: a parked correction is noticed by one instance', async () => {
    const now = '2027-03-01T10:00:00+01:00';
    // The demo reads from one mock; corrections go to a second that refuses them for good (parked).
    const values = { sis: { stack: [
      { adapter: 'mock', config: { hideFuture: true, capabilities: ['students', 'guardians', 'absences', 'results.method', 'results.lvs', 'reports', 'medical'] } },
      { adapter: 'mock', config: { hideFuture: true, capabilities: ['changes.submit'], failWith: 'SIS_AUTH_FAILED' } },
    ] } };
    const [a, b] = await pair.instances({ now, values });
    const parent = await parentSession(a);
    await setTopics(a.services.store, parent.accountId, ['corrections'], a.clock.now());
    const form = await parent.agent.get(`/kind/${parent.handle}/wijzigen`);
    await sendCorrection(parent.agent, parent.handle, { ...formFields(form.text), ...newAddress(formValues(form.text)) });
    await a.services.delivery.runOnce();
    expect(await b.services.changes.listDelayed(), 'stuck, for either instance').to.have.length(1);

    await fireOnBoth([a, b], 'ouderpoort-correction-delays', (t) => createDelayNotices(t.services), new Date(now));
    const notices = await pair.db.query<{ account: string }>(
      "SELECT doc->>'accountId' AS account FROM documents WHERE collection = 'notifications' AND doc->>'kind' = 'correction-delayed'",
    );
    expect(notices).to.deep.equal([{ account: parent.accountId }]);
  });

  it('the daily check of issued reports: one instance checks the day and tells each report', async () => {
    const now = '2027-02-17T00:05:00+01:00';
    const [a, b] = await pair.instances({ now });
    const account = (await a.services.store.accounts.findByUsername(DEMO.parent.username))!;
    await setTopics(a.services.store, account.id, ['reports'], a.clock.now());

    const winner = await fireOnBoth([a, b], 'ouderpoort-reports-issued', (t) => createReportsIssuedCheck(t.services), new Date(now));
    // The check says so in its log at each run: once, on the instance that ran it.
    const checked = (t: TestApp) => t.logs().split('\n').filter((line) => line.includes('"msg":"issued reports checked"')).length;
    expect([a, b].map(checked)).to.deep.equal([a, b].map((t) => (t === winner ? 1 : 0)));
    const told = await pair.db.query<{ id: string }>(
      "SELECT id FROM documents WHERE collection = 'notifications' AND doc->>'kind' = 'report-available'",
    );
    expect(told, 'each child\'s new report').to.have.length(account.studentIds!.length);
  });

  it('the data-check reminders: one instance queues the reminders, one mail per parent', async () => {
    const now = '2027-07-12T16:30:00+02:00';
    const [a, b] = await pair.instances({ now });

    await fireOnBoth([a, b], 'ouderpoort-data-check-reminders', (t) => t.services.dataCheck.reminders, new Date(now));
    const mails = await pair.db.query<{ id: string }>("SELECT id FROM documents WHERE collection = 'outbox' AND id LIKE 'data-check:%' ORDER BY id");
    const reminded = await pair.db.query<{ key: string }>(
      "SELECT doc->>'reminder' AS key FROM documents WHERE collection = 'dataCheckAnswers' AND doc->>'reminder' IS NOT NULL ORDER BY 1",
    );
    expect(mails.length, 'parents to remind').to.be.above(1);
    expect(mails.map((m) => m.id)).to.deep.equal(reminded.map((r) => r.key));
  });
});
