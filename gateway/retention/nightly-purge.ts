/**
 * The nightly purge on its own node-cron task at `retention.nightlyAt` (school's time zone).
 * Tests call runOnce() with their own clock.
 */
import { createCronRoutine, type CronRoutine } from '../jobs/cron-routine.ts';
import { routineRunLog } from '../jobs/routine-runs.ts';
import { countedRun } from '../metrics/job-metrics.ts';
import type { Services } from '../services.ts';
import { runPurge, type PurgeRun } from './purge.ts';

export type NightlyPurge = CronRoutine<PurgeRun>;

export function createNightlyPurge(deps: Pick<Services, 'config' | 'store' | 'outbox' | 'clock' | 'logger' | 'sis' | 'metrics' | 'jobSlots' | 'instanceId'>): NightlyPurge {
  const [hour, minute] = deps.config.retention.nightlyAt.split(':').map(Number);
  return createCronRoutine({
    name: 'ouderpoort-nightly-purge', expression: `${minute} ${hour} * * *`, timezone: deps.config.school.timezone,
    logger: deps.logger, slots: deps.jobSlots, runs: routineRunLog(deps), failureMessage: 'nightly retention purge failed',
    run: countedRun(deps.metrics, 'retention.purge', () => runPurge({ ...deps, forgetStudent: (studentId) => deps.sis.forget(studentId) })),
  });
}
