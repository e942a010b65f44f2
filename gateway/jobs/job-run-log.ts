/**
 * The record of job runs in the store (collection jobRuns), for the operator page and for once-only
 * runs. The cron routines' latest runs are in the same collection (routine-runs.ts).
 */
import type { Store } from '../store/types.ts';
import type { CalendarJobRun, JobRun } from './job-types.ts';
import type { PolicyEvent } from './policy-events.ts';

export const JOB_RUNS_COLLECTION = 'jobRuns';

export interface JobRunLog {
  find(event: PolicyEvent, job: string): Promise<JobRun | undefined>;
  /**
   * Writes the run record unless it exists — one atomic step, so of several instances processing
   * the same event exactly one gets the run (the claim row per job and event). Undefined when the
   * job has run, or is running, for this event.
   */
  begin(event: PolicyEvent, job: string, now: Date, owner?: string): Promise<CalendarJobRun | undefined>;
  end<T extends JobRun>(run: T, outcome: 'succeeded' | 'failed', now: Date, error?: string): Promise<T>;
  /**
   * Runs left 'running' by a process that stopped mid-run become 'interrupted'; returns them. With
   * `startedBefore`, only runs started before it (on a shared store a younger run may be another
   * instance's, still going).
   */
  markInterrupted(now: Date, startedBefore?: Date): Promise<JobRun[]>;
  list(filter?: { job?: string }): Promise<JobRun[]>;
}

export function runId(event: PolicyEvent, job: string): string {
  return `${event.key}|${job}`;
}

export function jobRunLog(store: Store, collection = JOB_RUNS_COLLECTION): JobRunLog {
  const runs = store.collection<JobRun>(collection);
  return {
    find: (event, job) => runs.get(runId(event, job)),
    async begin(event, job, now, owner) {
      const run: CalendarJobRun = {
        id: runId(event, job), job, eventKey: event.key, event, startedAt: now.toISOString(), outcome: 'running', ...(owner && { instance: owner }),
      };
      return (await runs.create(run)) ? run : undefined;
    },
    async end(run, outcome, now, error) {
      const ended = { ...run, outcome, endedAt: now.toISOString(), ...(error !== undefined ? { error } : {}) };
      await runs.put(ended);
      return ended;
    },
    async markInterrupted(now, startedBefore) {
      const stale = await runs.list((run) => run.outcome === 'running'
        && (startedBefore === undefined || Date.parse(run.startedAt) < startedBefore.getTime()));
      const marked = stale.map((run): JobRun => ({ ...run, outcome: 'interrupted', endedAt: now.toISOString() }));
      for (const run of marked) await runs.put(run);
      return marked;
    },
    list: (filter = {}) => runs.list((run) => filter.job === undefined || run.job === filter.job),
  };
}
