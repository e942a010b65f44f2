/**
 * "Your correction is taking longer": a correction that got stuck (its delivery parked, or not
 * delivered within changes.maxPendingAge; changes/delays.ts) becomes one notification for the
 * parent who sent it, if they asked for news about corrections. Stuck is judged by the injected
 * clock, so the routine checks on its own cron task (every 15 minutes in production; runOnce() in
 * tests), each firing on one instance only (its slot claimed, slot-claims.ts); the key makes it
 * once per correction however often it runs. The digest then sends it
 * inside the delivery window, naming the child only: never the fields, the values or the reason.
 */
import type { ChangeRequests } from '../changes/change-requests.ts';
import { createCronRoutine, type CronRoutine } from '../jobs/cron-routine.ts';
import { routineRunLog } from '../jobs/routine-runs.ts';
import type { Services } from '../services.ts';
import { notify } from './notify.ts';

export type DelayNoticeDeps = Pick<Services, 'store' | 'clock' | 'config' | 'logger'> & { changes: Pick<ChangeRequests, 'listDelayed'> };

/** Stores a notice for each stuck correction not told before; returns how many were stored. */
export async function noticeDelayedCorrections(deps: DelayNoticeDeps): Promise<number> {
  let stored = 0;
  for (const { request } of await deps.changes.listDelayed()) {
    const told = await notify(deps, {
      key: `correction:${request.id}:delayed`, accountId: request.accountId, topic: 'corrections',
      kind: 'correction-delayed', studentId: request.studentId,
    });
    if (told) stored += 1;
  }
  if (stored > 0) deps.logger.info({ notifications: stored }, 'correction-delayed notifications stored');
  return stored;
}

export function createDelayNotices(deps: DelayNoticeDeps & Pick<Services, 'jobSlots' | 'instanceId'>): CronRoutine<number> {
  return createCronRoutine({
    name: 'ouderpoort-correction-delays', expression: '*/15 * * * *', timezone: deps.config.school.timezone,
    logger: deps.logger, slots: deps.jobSlots, runs: routineRunLog(deps), failureMessage: 'correction-delayed notices failed',
    run: () => noticeDelayedCorrections(deps),
  });
}
