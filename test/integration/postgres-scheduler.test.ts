/**
 * The scheduler on PostgreSQL shared by two instances (two stores, each its own pool), with the
 * database really gone for a while (a TCP proxy that cuts every connection): each calendar event's
 * job and each cron firing runs once across both; while the database is gone nothing runs (fail
 * closed), and once it is back the missed work runs once.
 */
import { expect } from 'chai';
import pino from 'pino';
import { createCronRoutine, type CronRoutine } from '../../gateway/jobs/cron-routine.ts';
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
