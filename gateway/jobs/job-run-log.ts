/** The record of job runs in the store (collection jobRuns), for the operator page and for once-only runs. */
import type { Store } from '../store/types.ts';
import type { JobRun } from './job-types.ts';
import type { PolicyEvent } from './policy-events.ts';

export const JOB_RUNS_COLLECTION = 'jobRuns';

export interface JobRunLog {
  find(event: PolicyEvent, job: string): Promise<JobRun | undefined>;
  begin(event: PolicyEvent, job: string, now: Date): Promise<JobRun>;
  end(run: JobRun, outcome: 'succeeded' | 'failed', now: Date, error?: string): Promise<JobRun>;
  /** Runs left 'running' by a process that stopped mid-run become 'interrupted'; returns them. */
  markInterrupted(now: Date): Promise<JobRun[]>;
  list(filter?: { job?: string }): Promise<JobRun[]>;
}

export function runId(event: PolicyEvent, job: string): string {
  return `${event.key}|${job}`;
}

export function jobRunLog(store: Store, collection = JOB_RUNS_COLLECTION): JobRunLog {
  const runs = store.collection<JobRun>(collection);
  return {
    find: (event, job) => runs.get(runId(event, job)),
    async begin(event, job, now) {
      const run: JobRun = { id: runId(event, job), job, eventKey: event.key, event, startedAt: now.toISOString(), outcome: 'running' };
      await runs.put(run);
      return run;
    },
    async end(run, outcome, now, error) {
      const ended: JobRun = { ...run, outcome, endedAt: now.toISOString(), ...(error !== undefined ? { error } : {}) };
      await runs.put(ended);
      return ended;
    },
    async markInterrupted(now) {
      const stale = await runs.list((run) => run.outcome === 'running');
      const marked = stale.map((run): JobRun => ({ ...run, outcome: 'interrupted', endedAt: now.toISOString() }));
      for (const run of marked) await runs.put(run);
      return marked;
    },
    list: (filter = {}) => runs.list((run) => filter.job === undefined || run.job === filter.job),
  };
}
