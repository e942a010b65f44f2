/**
 * Job runs counted by job and outcome, without the scheduler or the cron routines knowing: a
 * policy job's run() and a routine's run() are wrapped where they are handed over. A job the
 * scheduler skips (already run for that event, on this or another instance) is not a run.
 */
import type { JobDefinition, Scheduler } from '../jobs/index.ts';
import type { Metrics } from './registry.ts';

type JobMetrics = Pick<Metrics, 'jobRun'> | undefined;

/** A routine's run (the nightly accounts run, the digest, the purge), counted under `job`. */
export function countedRun<R>(metrics: JobMetrics, job: string, run: () => Promise<R>): () => Promise<R> {
  if (!metrics) return run;
  return async () => {
    try {
      const result = await run();
      metrics.jobRun(job, 'succeeded');
      return result;
    } catch (err) {
      metrics.jobRun(job, 'failed');
      throw err;
    }
  };
}

/** The scheduler with every job registered on it counted under its name. */
export function withJobMetrics(scheduler: Scheduler, metrics: JobMetrics): Scheduler {
  if (!metrics) return scheduler;
  // The scheduler itself stays the prototype: everything but register() is its own.
  const counted = Object.create(scheduler) as Scheduler;
  Object.defineProperty(counted, 'register', {
    value: (job: JobDefinition) => scheduler.register({
      ...job, run: (event, context) => countedRun(metrics, job.name, async () => job.run(event, context))(),
    }),
  });
  return counted;
}
