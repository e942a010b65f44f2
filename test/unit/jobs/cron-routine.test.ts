import { expect } from 'chai';
import { createCronRoutine } from '../../../gateway/jobs/cron-routine.ts';
import { JOB_RUNS_COLLECTION } from '../../../gateway/jobs/job-run-log.ts';
import type { JobRun } from '../../../gateway/jobs/job-types.ts';
import { routineRunLog } from '../../../gateway/jobs/routine-runs.ts';
import { createSlotClaims, JOB_SLOTS_COLLECTION } from '../../../gateway/jobs/slot-claims.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import { manualClock } from '../../support/clock.ts';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('cron routine', () => {
  const errors: unknown[] = [];
  const logger = { error: (obj: object | string) => { errors.push(obj); } };
  beforeEach(() => { errors.length = 0; });
  const runLog = routineRunLog({ store: createMemoryStore(), clock: manualClock('2027-03-02T01:00:00Z') });
  // One process on its own store: every slot is its own.
  const slots = createSlotClaims({ store: createMemoryStore(), clock: manualClock('2027-03-02T01:00:00Z'), owner: 'only', exclusive: true });

  it('shares a run in flight with a second call, and runs anew after it ended', async () => {
    let runs = 0;
    const g = gate();
    const routine = createCronRoutine({
      name: 'test-shared', expression: '* * * * *', timezone: 'Europe/Amsterdam', logger, failureMessage: 'x', slots, runs: runLog,
      run: async () => { runs += 1; await g.opened; return runs; },
    });
    const first = routine.runOnce();
    const second = routine.runOnce();
    g.open();
    expect(await Promise.all([first, second])).to.deep.equal([1, 1]);
    expect(await routine.runOnce()).to.equal(2);
  });

  it('lets runOnce reject to its caller and stays usable; stop waits for the run in flight', async () => {
    let fail = true;
    let finished = false;
    const g = gate();
    const routine = createCronRoutine({
      name: 'test-stop', expression: '0 3 * * *', timezone: 'Europe/Amsterdam', logger, failureMessage: 'x', slots, runs: runLog,
      run: async () => {
        if (fail) throw new Error('boom');
        await g.opened;
        finished = true;
      },
    });
    await routine.runOnce().then(() => expect.fail('should reject'), (err: Error) => expect(err.message).to.equal('boom'));
    fail = false;
    routine.start();
    const running = routine.runOnce();
    const stopped = routine.stop();
    g.open();
    await stopped;
    expect(finished).to.equal(true);
    await running;
  });

  describe('in the job run log', () => {
    let clock = manualClock('2027-03-02T01:00:00Z');
    beforeEach(() => { clock = manualClock('2027-03-02T01:00:00Z'); });

    it('records each run as running, then succeeded, with its start, end, trigger and instance', async () => {
      const store = createMemoryStore();
      const g = gate();
      const routine = createCronRoutine({
        name: 'nightly', expression: '0 2 * * *', timezone: 'Europe/Amsterdam', logger, failureMessage: 'x', slots,
        runs: routineRunLog({ store, clock, instanceId: 'i1' }), run: async () => { await g.opened; clock.advance(90_000); },
      });
      const record = () => store.collection<JobRun>(JOB_RUNS_COLLECTION).get('routine|nightly');
      const fired = routine.fire(new Date('2027-03-02T01:00:00.250Z'));
      await new Promise((resolve) => setImmediate(resolve));
      expect(await record()).to.deep.equal({
        id: 'routine|nightly', job: 'nightly', eventKey: 'slot:2027-03-02T01:00:00.000Z', startedAt: '2027-03-02T01:00:00.000Z', outcome: 'running', instance: 'i1',
      });
      g.open();
      expect(await fired).to.equal(true);
      expect(await record()).to.include({ outcome: 'succeeded', startedAt: '2027-03-02T01:00:00.000Z', endedAt: '2027-03-02T01:01:30.000Z' });
    });

    it('records a failed run with its error and still rejects; the next run replaces the record', async () => {
      const store = createMemoryStore();
      let fail = true;
      const routine = createCronRoutine({
        name: 'digest', expression: '* * * * *', timezone: 'Europe/Amsterdam', logger, failureMessage: 'x', slots,
        runs: routineRunLog({ store, clock }), run: async () => { if (fail) throw new Error('SIS_UNAVAILABLE'); return 1; },
      });
      await routine.runOnce().then(() => expect.fail('should reject'), (err: Error) => expect(err.message).to.equal('SIS_UNAVAILABLE'));
      const all = () => store.collection<JobRun>(JOB_RUNS_COLLECTION).list();
      expect(await all()).to.have.length(1);
      expect((await all())[0]).to.include({ job: 'digest', eventKey: 'run-once', outcome: 'failed', error: 'SIS_UNAVAILABLE' });
      fail = false;
      clock.advance(60_000);
      expect(await routine.runOnce()).to.equal(1);
      expect(await all(), 'one record: the latest run').to.have.length(1);
      expect((await all())[0]).to.include({ outcome: 'succeeded', startedAt: '2027-03-02T01:01:00.000Z' }).and.not.to.have.property('error');
    });

    it('runs, and keeps its outcome, when the run log cannot be written', async () => {
      let ran = 0;
      const broken = { begin: () => Promise.reject(new Error('disk full')), end: () => Promise.reject(new Error('disk full')) };
      const routine = createCronRoutine({
        name: 'purge', expression: '0 3 * * *', timezone: 'Europe/Amsterdam', logger, failureMessage: 'x', slots, runs: broken, run: async () => (ran += 1),
      });
      expect(await routine.runOnce()).to.equal(1);
      expect(errors).to.have.length(1);
    });
  });

  describe('fired on several instances sharing one store', () => {
    const clock = manualClock('2027-03-02T01:00:00Z');
    const slot = new Date('2027-03-02T01:00:00.250Z');

    function routines(store = createMemoryStore(), count = 2, retryMs?: number) {
      const ran: string[] = [];
      const list = Array.from({ length: count }, (_, i) => createCronRoutine({
        name: 'nightly', expression: '0 2 * * *', timezone: 'Europe/Amsterdam', logger, failureMessage: 'x',
        slots: createSlotClaims({ store, clock, owner: `instance-${i}`, exclusive: false }), runs: routineRunLog({ store, clock, instanceId: `instance-${i}` }),
        run: async () => { ran.push(`instance-${i}`); },
        ...(retryMs !== undefined && { retryMs }),
      }));
      return { store, ran, list };
    }

    it('runs each firing on one instance only, and the next firing again on one', async () => {
      const { store, ran, list } = routines(undefined, 3);
      const outcomes = await Promise.all(list.map((r) => r.fire(slot)));
      expect(outcomes.filter(Boolean)).to.have.length(1);
      expect(ran).to.have.length(1);
      await Promise.all(list.map((r) => r.fire(new Date('2027-03-03T01:00:00Z'))));
      expect(ran).to.have.length(2);
      const rows = await store.collection<{ id: string; claimedBy: string }>(JOB_SLOTS_COLLECTION).list();
      expect(rows.map((r) => r.id)).to.deep.equal(['nightly|2027-03-02T01:00:00.000Z', 'nightly|2027-03-03T01:00:00.000Z']);
      expect(rows.map((r) => r.claimedBy)).to.deep.equal(ran);
    });

    it('does not run a firing while the store does not answer, and runs it once when it is back', async () => {
      const { store, ran, list } = routines(undefined, 2, 20);
      await store.close();
      expect(await Promise.all(list.map((r) => r.fire(slot)))).to.deep.equal([false, false]);
      expect(ran, 'fail closed').to.deep.equal([]);
      expect(errors).to.have.length(2);
      await store.open();
      for (let i = 0; i < 100 && ran.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(ran, 'caught up, once').to.have.length(1);
      await Promise.all(list.map((r) => r.stop()));
    });

    it('does not claim a slot older than the two days its row is kept (it could run twice)', async () => {
      const { ran, list } = routines(undefined, 1);
      expect(await list[0]!.fire(new Date('2027-02-27T01:00:00Z'))).to.equal(false);
      expect(ran).to.deep.equal([]);
    });

    it('claims nothing on a store one process owns: every firing runs', async () => {
      const store = createMemoryStore();
      const routine = createCronRoutine({
        name: 'digest', expression: '* * * * *', timezone: 'Europe/Amsterdam', logger, failureMessage: 'x',
        slots: createSlotClaims({ store, clock, owner: 'only', exclusive: true }), runs: routineRunLog({ store, clock }), run: async () => 1,
      });
      expect(await routine.fire(slot)).to.equal(true);
      expect(await routine.fire(slot)).to.equal(true);
      expect(await store.collection(JOB_SLOTS_COLLECTION).list()).to.deep.equal([]);
    });
  });
});
