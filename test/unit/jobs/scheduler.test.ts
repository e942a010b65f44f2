import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cron from 'node-cron';
import { createScheduler, type SchedulerOptions } from '../../../gateway/jobs/scheduler.ts';
import type { JobDefinition, JobRun } from '../../../gateway/jobs/job-types.ts';
import { policyEventsBetween, type PolicyEvent } from '../../../gateway/jobs/policy-events.ts';
import type { Calendar } from '../../../gateway/policy/calendar-types.ts';
import { loadCalendarFile } from '../../../gateway/policy/parse-calendar.ts';
import { createLowdbStore } from '../../../gateway/store/lowdb/index.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import type { Store } from '../../../gateway/store/types.ts';
import { manualClock, type ManualClock } from '../../support/clock.ts';
import { calendarFrom, captureLogger, DEMO_CALENDAR_FILE } from '../policy/support.ts';

const demo = loadCalendarFile(DEMO_CALENDAR_FILE);
const HOUR = 3_600_000;

/** A job that remembers the events it ran for. */
function recorder(name: string, on: JobDefinition['on']): JobDefinition & { seen: PolicyEvent[] } {
  const seen: PolicyEvent[] = [];
  return { name, on, seen, run: (event) => { seen.push(event); } };
}

const EVERYTHING: JobDefinition['on'] = [{ type: 'transition' }, { type: 'scheduled' }];

function scheduler(store: Store, clock: ManualClock, overrides: Partial<SchedulerOptions> = {}) {
  return createScheduler({
    store, clock, getCalendar: () => demo, logger: captureLogger(), cronExpression: false, ...overrides,
  });
}

describe('jobs scheduler', () => {
  it('fires every transition and scheduled event of the demo year exactly once, in the tick that passes it', async () => {
    const store = createMemoryStore();
    const clock = manualClock('2026-08-01T00:00:00Z');
    const s = scheduler(store, clock);
    const job = recorder('record-all', EVERYTHING);
    s.register(job);
    expect((await s.start()).events).to.deep.equal([]);

    const fired: PolicyEvent[] = [];
    while (clock.now() < new Date('2027-08-01T00:00:00Z')) {
      const before = clock.now().getTime();
      clock.advance(6 * HOUR);
      const report = await s.tick();
      for (const event of report.events) {
        const at = Date.parse(event.at);
        expect(at, event.key).to.be.greaterThan(before).and.at.most(clock.now().getTime());
      }
      fired.push(...report.events);
    }

    const expected = policyEventsBetween(demo, new Date('2026-08-01T00:00:00Z'), clock.now()).map((e) => e.key);
    expect(expected).to.have.length(23);
    expect(fired.map((e) => e.key)).to.deep.equal(expected);
    expect(job.seen.map((e) => e.key)).to.deep.equal(expected);
    const runs = await s.listRuns({ job: 'record-all' });
    expect(runs.map((r) => r.eventKey)).to.deep.equal(expected);
    expect(runs.every((r) => r.outcome === 'succeeded')).to.equal(true);
    await s.stop();
  });

  it('catches up transitions missed while down once at start, and not again later', async () => {
    const store = createMemoryStore();
    const clock = manualClock('2026-12-01T12:00:00Z');
    const first = scheduler(store, clock);
    first.register(recorder('notify', EVERYTHING));
    await first.start();
    await first.stop();

    // The server is down from 1 December until 1 March.
    clock.set('2027-03-01T08:00:00Z');
    const second = scheduler(store, clock);
    const job = recorder('notify', EVERYTHING);
    second.register(job);
    const report = await second.start();

    expect(report.from).to.equal('2026-12-01T12:00:00.000Z');
    expect(report.events.map((e) => (e.type === 'transition' ? `${e.date} ${e.section} ${e.change}` : `${e.localAt} ${e.id}`))).to.deep.equal([
      '2026-12-07T07:00 uitnodigingen',
      '2026-12-08 personalia opened',
      '2026-12-08 absences opened',
      '2026-12-08 changes opened',
      '2026-12-08 medical opened',
      '2026-12-08 absence-report opened',
      '2026-12-08 leave opened',
      '2026-12-08 conversations opened',
      '2026-12-08 school-year opened',
      '2026-12-10T16:00 herinnering-hulpmoment',
      '2026-12-14T08:30 hulpmoment',
      '2027-02-16T16:00 herinnering-resultaten',
      '2027-02-17 results.method opened',
      '2027-02-17 results.lvs opened',
      '2027-02-17 reports opened',
    ]);
    expect(job.seen).to.have.length(15);
    const [invitationRun] = await second.listRuns();
    expect(invitationRun).to.include({ job: 'notify', outcome: 'succeeded', startedAt: '2027-03-01T08:00:00.000Z' });

    expect((await second.tick()).events).to.deep.equal([]);
    clock.advance(24 * HOUR);
    expect((await second.tick()).events).to.deep.equal([]);
    await second.stop();

    // A third start over the same store finds nothing left to do.
    const third = scheduler(store, clock);
    const again = recorder('notify', EVERYTHING);
    third.register(again);
    expect((await third.start()).events).to.deep.equal([]);
    expect(again.seen).to.deep.equal([]);
    expect(await third.listRuns()).to.have.length(15);
    await third.stop();
  });

  it('keeps its place in a lowdb store across a process restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ouderpoort-jobs-'));
    try {
      const clock = manualClock('2026-12-01T12:00:00Z');
      const run = async () => {
        const store = createLowdbStore({ dir, clock, flushDelayMs: 0 });
        await store.open();
        const s = scheduler(store, clock);
        const job = recorder('notify', EVERYTHING);
        s.register(job);
        await s.start();
        await s.stop();
        await store.close();
        return job.seen.length;
      };
      expect(await run()).to.equal(0);
      clock.set('2027-03-01T08:00:00Z');
      expect(await run()).to.equal(15);
      expect(await run()).to.equal(0);
      clock.set('2027-06-01T08:00:00Z');
      // The results and reports closings of 1 June (rapport-juni) and groep 8's LVS opening of 25 March.
      expect(await run()).to.equal(4);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('starts a fresh store from now, without firing the past', async () => {
    const clock = manualClock('2027-03-01T08:00:00Z');
    const s = scheduler(createMemoryStore(), clock);
    const job = recorder('notify', EVERYTHING);
    s.register(job);
    const report = await s.start();
    expect(report).to.deep.include({ from: '2027-03-01T08:00:00.000Z', events: [] });
    clock.set('2027-03-25T00:00:00Z');
    // Groep 8's LVS results open on 25 March: the first event after the first start.
    expect((await s.tick()).events.map((e) => e.key)).to.deep.equal(['transition:2027-03-25:results.lvs:opened:8']);
    await s.stop();
  });

  it('runs only the jobs subscribed to an event, and records each run by job name', async () => {
    const store = createMemoryStore();
    const clock = manualClock('2026-12-06T12:00:00Z');
    const s = scheduler(store, clock);
    const invitations = recorder('invitations.mail', { type: 'scheduled', kinds: ['invitations'] });
    const openings = recorder('notify.opened', { type: 'transition', change: 'opened', sections: ['personalia'] });
    const closings = recorder('notify.closed', { type: 'transition', change: 'closed' });
    for (const job of [invitations, openings, closings]) s.register(job);
    expect(s.jobNames()).to.deep.equal(['invitations.mail', 'notify.opened', 'notify.closed']);
    await s.start();

    clock.set('2026-12-08T12:00:00Z');
    const report = await s.tick();

    expect(invitations.seen.map((e) => e.type === 'scheduled' && e.id)).to.deep.equal(['uitnodigingen']);
    expect(openings.seen.map((e) => e.type === 'transition' && e.section)).to.deep.equal(['personalia']);
    expect(closings.seen).to.deep.equal([]);
    expect(report.runs.map((r) => r.job)).to.deep.equal(['invitations.mail', 'notify.opened']);

    const [run] = await s.listRuns({ job: 'invitations.mail' });
    expect(run).to.deep.include({
      id: 'scheduled:uitnodigingen:2026-12-07T06:00:00.000Z|invitations.mail',
      job: 'invitations.mail',
      eventKey: 'scheduled:uitnodigingen:2026-12-07T06:00:00.000Z',
      startedAt: '2026-12-08T12:00:00.000Z',
      endedAt: '2026-12-08T12:00:00.000Z',
      outcome: 'succeeded',
    });
    expect(run?.event).to.deep.include({ type: 'scheduled', kind: 'invitations', localAt: '2026-12-07T07:00' });
    // The runs live in the store's jobRuns collection.
    expect(await store.collection('jobRuns').list()).to.have.length(2);
    await s.stop();
  });

  it('tells a job how late it runs', async () => {
    const clock = manualClock('2026-12-07T05:00:00Z');
    const s = scheduler(createMemoryStore(), clock);
    const lateness: number[] = [];
    s.register({ name: 'invitations', on: { type: 'scheduled', kinds: ['invitations'] }, run: (_e, ctx) => { lateness.push(ctx.lateByMs); } });
    await s.start();
    clock.set('2026-12-07T09:00:00Z');
    await s.tick();
    expect(lateness).to.deep.equal([3 * HOUR]);
    await s.stop();
  });

  it('records a failing job as failed, runs the other jobs, and does not retry it', async () => {
    const clock = manualClock('2026-12-06T12:00:00Z');
    const logger = captureLogger();
    const s = scheduler(createMemoryStore(), clock, { logger });
    let attempts = 0;
    s.register({ name: 'broken', on: { type: 'scheduled' }, run: () => { attempts++; throw new Error('mail server down'); } });
    const fine = recorder('fine', { type: 'scheduled' });
    s.register(fine);
    await s.start();
    clock.set('2026-12-07T12:00:00Z');
    await s.tick();
    clock.set('2026-12-07T13:00:00Z');
    await s.tick();

    expect(attempts).to.equal(1);
    expect(fine.seen).to.have.length(1);
    const [failed] = await s.listRuns({ job: 'broken' });
    expect(failed).to.include({ outcome: 'failed', error: 'mail server down' });
    expect(logger.lines.some((l) => l.level === 'error' && l.msg === 'job broken failed')).to.equal(true);
    await s.stop();
  });

  it('never runs a job twice for one event, even when the watermark was not saved after the run', async () => {
    const store = createMemoryStore();
    const clock = manualClock('2026-12-07T12:00:00Z');
    const s = scheduler(store, clock);
    const job = recorder('notify', EVERYTHING);
    s.register(job);
    await s.start();
    clock.set('2026-12-08T12:00:00Z');
    expect((await s.tick()).runs).to.have.length(8);

    // As if the process died after the runs, before the watermark moved.
    await store.collection<{ id: string; processedUntil: string; updatedAt: string }>('policyState').put({ id: 'events', processedUntil: '2026-12-07T12:00:00.000Z', updatedAt: '2026-12-07T12:00:00.000Z' });
    const report = await s.tick();
    expect(report.events).to.have.length(8);
    expect(report.runs).to.deep.equal([]);
    expect(job.seen).to.have.length(8);
    await s.stop();
  });

  it('marks a run cut short by a stopped process as interrupted at the next start, without rerunning it', async () => {
    const store = createMemoryStore();
    const clock = manualClock('2026-12-07T12:00:00Z');
    const event = policyEventsBetween(demo, new Date('2026-12-07T00:00:00Z'), new Date('2026-12-09T00:00:00Z'))[0] as PolicyEvent;
    await store.collection<JobRun>('jobRuns').put({
      id: `${event.key}|notify`, job: 'notify', eventKey: event.key, event, startedAt: '2026-12-08T00:00:01.000Z', outcome: 'running',
    });
    await store.collection<{ id: string; processedUntil: string; updatedAt: string }>('policyState').put({ id: 'events', processedUntil: '2026-12-07T00:00:00.000Z', updatedAt: '2026-12-07T00:00:00.000Z' });
    const s = scheduler(store, clock);
    const job = recorder('notify', EVERYTHING);
    s.register(job);
    await s.start();
    expect(job.seen.map((e) => e.key)).not.to.include(event.key);
    const [run] = await s.listRuns();
    expect(run).to.include({ outcome: 'interrupted', endedAt: '2026-12-07T12:00:00.000Z' });
    await s.stop();
  });

  it('runs a job once per event when two instances on one store tick at the same moment', async () => {
    const store = createMemoryStore();
    const clock = manualClock('2026-12-07T12:00:00Z');
    const jobs = [recorder('notify', EVERYTHING), recorder('notify', EVERYTHING)];
    const instances = jobs.map((job, i) => {
      const s = scheduler(store, clock, { owner: `instance-${i}`, exclusive: false });
      s.register(job);
      return s;
    });
    await Promise.all(instances.map((s) => s.start()));
    clock.set('2026-12-08T12:00:00Z');
    const reports = await Promise.all(instances.map((s) => s.tick()));
    expect(reports.map((r) => r.events.length), 'both see the events').to.deep.equal([8, 8]);
    expect(jobs[0]!.seen.length + jobs[1]!.seen.length, 'each event run once in all').to.equal(8);
    const runs = await instances[0]!.listRuns();
    expect(runs).to.have.length(8);
    for (const run of runs) expect(run.instance).to.equal(jobs[0]!.seen.some((e) => e.key === run.eventKey) ? 'instance-0' : 'instance-1');
    await Promise.all(instances.map((s) => s.stop()));
  });

  it('on a shared store leaves a young run another instance may still be running, and marks an old one interrupted', async () => {
    const store = createMemoryStore();
    const clock = manualClock('2026-12-09T12:00:00Z');
    const [young, old] = policyEventsBetween(demo, new Date('2026-12-07T00:00:00Z'), new Date('2026-12-09T00:00:00Z')) as [PolicyEvent, PolicyEvent];
    const runs = store.collection<JobRun>('jobRuns');
    await runs.put({ id: `${young.key}|a`, job: 'a', eventKey: young.key, event: young, startedAt: '2026-12-09T11:00:00.000Z', outcome: 'running' });
    await runs.put({ id: `${old.key}|a`, job: 'a', eventKey: old.key, event: old, startedAt: '2026-12-08T11:00:00.000Z', outcome: 'running' });
    const s = scheduler(store, clock, { exclusive: false });
    await s.start();
    expect((await s.listRuns()).map((r) => r.outcome)).to.deep.equal(['running', 'interrupted']);
    await s.stop();
  });

  it('fails closed while the store does not answer, and catches up once it does', async () => {
    const store = createMemoryStore();
    const clock = manualClock('2026-12-07T12:00:00Z');
    const s = scheduler(store, clock, { exclusive: false });
    const job = recorder('notify', EVERYTHING);
    s.register(job);
    await s.start();
    clock.set('2026-12-08T12:00:00Z');
    await store.close();
    let failure: unknown;
    await s.tick().catch((err: unknown) => { failure = err; });
    expect(failure, 'the tick fails').to.be.instanceOf(Error);
    expect(job.seen).to.deep.equal([]);
    await store.open();
    clock.set('2026-12-08T12:01:00Z');
    expect((await s.tick()).runs).to.have.length(8);
    expect(job.seen).to.have.length(8);
    await s.stop();
  });

  it('follows a calendar reload from the next tick on', async () => {
    let calendar: Calendar = demo;
    const clock = manualClock('2026-12-20T12:00:00Z');
    const s = scheduler(createMemoryStore(), clock, { getCalendar: () => calendar });
    const job = recorder('notify', { type: 'transition' });
    s.register(job);
    await s.start();
    calendar = calendarFrom(`
open:
  - { id: vroeg, sections: [results.method], from: 2026-12-01 }
  - { id: januari, sections: [results.lvs], from: 2027-01-05 }
`);
    clock.set('2027-01-06T00:00:00Z');
    const report = await s.tick();
    // A rule moved into the past does not fire; the future one does.
    expect(report.events.map((e) => e.key)).to.deep.equal(['transition:2027-01-05:results.lvs:opened:1-2-3-4-5-6-7-8']);
    expect(job.seen).to.have.length(1);
    await s.stop();
  });

  it('refuses duplicate and malformed job names', () => {
    const s = scheduler(createMemoryStore(), manualClock('2026-12-01T00:00:00Z'));
    s.register(recorder('notify', EVERYTHING));
    expect(() => s.register(recorder('notify', EVERYTHING))).to.throw(/already registered/);
    expect(() => s.register(recorder('not a name', EVERYTHING))).to.throw(/Invalid job name/);
  });

  describe('with node-cron', () => {
    it('validates the cron expression at boot', () => {
      expect(() => scheduler(createMemoryStore(), manualClock('2026-12-01T00:00:00Z'), { cronExpression: '61 * * * *' }))
        .to.throw(/Invalid cron expression/);
    });

    it('ticks with a named cron task from start until stop, and refuses ticks after stop', async () => {
      const taskName = 'policy-tick-under-test';
      const named = () => [...cron.getTasks().values()].filter((t) => t.name === taskName);
      const s = scheduler(createMemoryStore(), manualClock('2026-12-01T00:00:00Z'), { cronExpression: '* * * * *', taskName });
      expect(named()).to.have.length(0);
      await s.start();
      expect(named().map((t) => [t.getStatus(), t.getPattern()])).to.deep.equal([['idle', '* * * * *']]);
      await s.stop();
      expect(named()).to.have.length(0);
      await s.stop();
      let error: unknown;
      await s.tick().catch((err: unknown) => { error = err; });
      expect(error).to.be.instanceOf(Error);
    });

    it('waits in stop() for a running tick to finish', async () => {
      const clock = manualClock('2026-12-06T12:00:00Z');
      const s = scheduler(createMemoryStore(), clock);
      let release!: () => void;
      const released = new Promise<void>((resolve) => { release = resolve; });
      let started!: () => void;
      const running = new Promise<void>((resolve) => { started = resolve; });
      s.register({ name: 'slow', on: { type: 'scheduled' }, run: async () => { started(); await released; } });
      await s.start();
      clock.set('2026-12-07T12:00:00Z');
      const tick = s.tick();
      await running;

      let stopped = false;
      const stopping = s.stop().then(() => { stopped = true; });
      await new Promise((resolve) => setImmediate(resolve));
      expect(stopped).to.equal(false);
      release();
      await stopping;
      expect((await tick).runs.map((r) => r.outcome)).to.deep.equal(['succeeded']);
    });
  });
});
