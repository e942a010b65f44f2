/**
 * A cron routine's runs in the job run log (collection jobRuns, beside the scheduler's calendar
 * jobs), so the status page lists the nightly accounts run, the digest, the purge and the others
 * with their last run and outcome, as it lists the calendar jobs.
 *
 * A routine keeps one record, its latest run (`routine|<job>`), rewritten at each run: the digest
 * runs every minute and nothing purges jobRuns, so a record per run would grow without end, and
 * the page shows only the latest run of each job anyway. A run left 'running' by a stopped process
 * becomes 'interrupted' at the next start, like a calendar job's (scheduler.ts, markInterrupted).
 */
import type { Clock } from '../../adapters/contract/index.ts';
import type { Store } from '../store/types.ts';
import { JOB_RUNS_COLLECTION } from './job-run-log.ts';
import type { JobRun } from './job-types.ts';

export interface RoutineRunLog {
  /** Records the run as running; `trigger` says what started it (its cron slot, or a direct call). */
  begin(job: string, trigger: string): Promise<JobRun>;
  end(run: JobRun, outcome: 'succeeded' | 'failed', error?: string): Promise<JobRun>;
}

export function routineRunId(job: string): string {
  return `routine|${job}`;
}

export function routineRunLog(deps: { store: Store; clock: Clock; instanceId?: string }): RoutineRunLog {
  const runs = deps.store.collection<JobRun>(JOB_RUNS_COLLECTION);
  return {
    async begin(job, trigger) {
      const run: JobRun = {
        id: routineRunId(job), job, eventKey: trigger, startedAt: deps.clock.now().toISOString(), outcome: 'running',
        ...(deps.instanceId && { instance: deps.instanceId }),
      };
      await runs.put(run);
      return run;
    },
    async end(run, outcome, error) {
      const ended: JobRun = { ...run, outcome, endedAt: deps.clock.now().toISOString(), ...(error !== undefined && { error }) };
      await runs.put(ended);
      return ended;
    },
  };
}
