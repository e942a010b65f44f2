import { expect } from 'chai';
import { SisError, type SisAdapter } from '../../../adapters/contract/index.ts';
import { createMockAdapter } from '../../../adapters/mock/index.ts';
import { provisionAccounts } from '../../../gateway/accounts/provision.ts';
import { createScheduler } from '../../../gateway/jobs/scheduler.ts';
import { createWarmCacheJob, WARM_CACHE_JOB } from '../../../gateway/jobs/warm-cache.ts';
import { loadCalendarFile } from '../../../gateway/policy/parse-calendar.ts';
import { createSisService } from '../../../gateway/sis/index.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import { manualClock } from '../../support/clock.ts';
import { captureLogger, DEMO_CALENDAR_FILE } from '../policy/support.ts';

const demo = loadCalendarFile(DEMO_CALENDAR_FILE);
const HOUR = 3_600_000;

/** The demo school's mock SIS, counting calls per method and refusing listResults for the ids in `failResultsOf`. */
function countingMock(clock: { now(): Date }, failResultsOf: ReadonlySet<string> = new Set()) {
  const calls: Array<{ method: string; id: unknown }> = [];
  const inner = createMockAdapter({}, { clock });
  const adapter = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'healthCheck') return value;
      return (...args: unknown[]) => {
        calls.push({ method: prop, id: args[0] });
        if (prop === 'listResults' && failResultsOf.has(String(args[0]))) {
          return Promise.reject(new SisError('SIS_UNAVAILABLE', { message: 'down for this pupil' }));
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as SisAdapter;
  return { adapter, calls, count: (method: string) => calls.filter((c) => c.method === method).length };
}

async function setUp(options: { start: string; failResultsOf?: ReadonlySet<string> }) {
  const clock = manualClock(options.start);
  const store = createMemoryStore();
  const logger = captureLogger();
  const sisMock = countingMock(clock, options.failResultsOf);
  const sis = createSisService({
    adapter: sisMock.adapter, cache: store.cache, clock, logger,
    ttl: { student: HOUR, guardian: HOUR, guardiansOfStudent: HOUR, absences: HOUR, results: HOUR, reports: HOUR, medical: HOUR }, staleMaxAgeMs: 24 * HOUR,
  });
  await provisionAccounts({ sis, accounts: store.accounts, clock }, { invitationValidityMs: 14 * 24 * HOUR });
  const job = createWarmCacheJob({ sis, accounts: store.accounts, concurrency: 4 });
  const scheduler = createScheduler({ store, clock, getCalendar: () => demo, logger, cronExpression: false });
  scheduler.register(job);
  await scheduler.start();
  sisMock.calls.length = 0;
  return { clock, store, sis, sisMock, job, scheduler, logger };
}

/** Pupils some account holder may see, with their jaargroep. */
async function visiblePupils(t: Awaited<ReturnType<typeof setUp>>): Promise<Map<string, number>> {
  const pupils = new Map<string, number>();
  for (const account of await t.store.accounts.list()) {
    const guardian = await t.sis.getGuardian(account.guardianId);
    for (const link of guardian.value.children.filter((l) => l.gezag)) {
      pupils.set(link.studentId, (await t.sis.getStudent(link.studentId)).value.jaargroep!);
    }
  }
  return pupils;
}

describe('jobs: warm the results cache when results open', () => {
  it('on the opening of 17 February fetches each visible pupil\'s results once, so the first parents cause no SIS call', async () => {
    const t = await setUp({ start: '2027-02-16T12:00:00+01:00' });
    t.clock.set('2027-02-17T00:00:30+01:00');
    const report = await t.scheduler.tick();

    // results.method (groups 1-8) and results.lvs (1-7: groep 8's LVS is closed) open at one instant.
    expect(report.runs.map((r) => [r.event.type === 'transition' && r.event.section, r.job, r.outcome])).to.deep.equal([
      ['results.method', WARM_CACHE_JOB, 'succeeded'],
      ['results.lvs', WARM_CACHE_JOB, 'succeeded'],
    ]);
    const pupils = await visiblePupils(t);
    expect(pupils.size).to.be.greaterThan(150);
    const resultCalls = t.sisMock.calls.filter((c) => c.method === 'listResults').map((c) => String(c.id));
    expect(resultCalls.slice().sort()).to.deep.equal([...pupils.keys()].sort());
    // The last run is results.lvs's: everyone it opens for was warmed a moment before, for results.method.
    expect(t.job.lastReport()).to.deep.include({ pupils: pupils.size, warmed: 0, failed: 0 });

    // Parents arrive: guardian, student and results all come from the cache, fresh.
    t.sisMock.calls.length = 0;
    t.clock.advance(30 * 60_000);
    for (const [studentId] of pupils) {
      const served = await t.sis.listResults(studentId);
      expect(served.stale, studentId).to.equal(false);
      // The results page also reads the report list (it links the report of the same period).
      expect((await t.sis.listReports(studentId)).stale, studentId).to.equal(false);
    }
    await visiblePupils(t);
    expect(t.sisMock.calls).to.deep.equal([]);
    await t.scheduler.stop();
  });

  it('warms only the groups that open: groep 8 when its LVS results reopen on 25 March', async () => {
    const t = await setUp({ start: '2027-03-24T12:00:00+01:00' });
    t.clock.set('2027-03-25T00:01:00+01:00');
    const report = await t.scheduler.tick();

    expect(report.runs.map((r) => r.eventKey)).to.deep.equal(['transition:2027-03-25:results.lvs:opened:8']);
    const pupils = await visiblePupils(t);
    const groep8 = [...pupils].filter(([, jaargroep]) => jaargroep === 8).map(([id]) => id).sort();
    expect(groep8.length).to.be.greaterThan(5);
    const fetched = t.sisMock.calls.filter((c) => c.method === 'listResults').map((c) => String(c.id)).sort();
    expect(fetched).to.deep.equal(groep8);
    expect(t.job.lastReport()).to.deep.include({ warmed: groep8.length, failed: 0 });
    await t.scheduler.stop();
  });

  it('runs for no other transition or event', async () => {
    const t = await setUp({ start: '2026-12-06T12:00:00+01:00' });
    // Invitations, the administrative sections opening, reminders and the help moment.
    t.clock.set('2027-02-16T23:00:00+01:00');
    const report = await t.scheduler.tick();
    expect(report.events.length).to.be.greaterThan(4);
    expect(report.runs).to.deep.equal([]);
    expect(t.sisMock.calls).to.deep.equal([]);
    t.clock.set('2027-03-26T12:00:00+01:00');
    expect((await t.scheduler.tick()).runs.map((r) => r.eventKey)).to.have.length(3);
    // The June closing of the results.
    t.sisMock.calls.length = 0;
    t.clock.set('2027-06-02T12:00:00+02:00');
    const june = await t.scheduler.tick();
    expect(june.events.map((e) => e.key)).to.deep.equal([
      'transition:2027-06-01:results.method:closed:1-2-3-4-5-6-7-8',
      'transition:2027-06-01:results.lvs:closed:1-2-3-4-5-6-7-8',
      'transition:2027-06-01:reports:closed:1-2-3-4-5-6-7-8',
    ]);
    expect(june.runs).to.deep.equal([]);
    expect(t.sisMock.calls).to.deep.equal([]);
    await t.scheduler.stop();
  });

  it('warms every pupil it can when the SIS fails for some, and records the run as failed', async () => {
    const t = await setUp({ start: '2027-03-24T12:00:00+01:00' });
    const pupils = await visiblePupils(t);
    const failing = [...pupils].find(([, jaargroep]) => jaargroep === 8)?.[0];
    expect(failing, 'a groep 8 pupil').to.be.a('string');
    // Re-create with that pupil failing (the mock's ids are stable per seed).
    const u = await setUp({ start: '2027-03-24T12:00:00+01:00', failResultsOf: new Set([failing as string]) });
    u.clock.set('2027-03-25T00:01:00+01:00');
    const report = await u.scheduler.tick();

    const [run] = report.runs;
    expect(run).to.include({ job: WARM_CACHE_JOB, outcome: 'failed' });
    expect(run?.error).to.match(/1 SIS reads failed/);
    const others = [...pupils].filter(([id, jaargroep]) => jaargroep === 8 && id !== failing).map(([id]) => id);
    expect(u.job.lastReport()).to.deep.include({ warmed: others.length, failed: 1 });
    u.sisMock.calls.length = 0;
    for (const id of others) await u.sis.listResults(id);
    expect(u.sisMock.count('listResults')).to.equal(0);
    await t.scheduler.stop();
    await u.scheduler.stop();
  });
});
