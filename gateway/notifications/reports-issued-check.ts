/**
 * The daily check for reports issued into an open section: the section-opened job only sees the
 * reports issued by the day the section opens, so a report whose issue date comes while the
 * section is already open would never be told. Once a day (00:05 school time, node-cron) every
 * report issued after the last checked day and up to today, for a child whose group has the
 * section open today, is a notification (the same key as the opened job's: told once); with
 * several instances one of them runs each day's check (its slot claimed, slot-claims.ts). The last
 * checked day is kept in the store, so days the gateway was down are caught up, and a report is
 * never told again after its notification was purged (retention.notifications).
 */
import { createCronRoutine, type CronRoutine } from '../jobs/cron-routine.ts';
import { routineRunLog } from '../jobs/routine-runs.ts';
import { POLICY_STATE_COLLECTION } from '../jobs/event-watermark.ts';
import { localDateOf } from '../policy/local-time.ts';
import type { Services } from '../services.ts';
import { reportAudience } from './report-audience.ts';
import { notifyReport } from './reports-job.ts';

const STATE_ID = 'reports-issued';

interface CheckState { id: string; checkedThrough: string; updatedAt: string }

export interface ReportsCheckRun {
  /** Reports issued after this local day were looked at ("" on the first run: today's only). */
  since: string;
  today: string;
  notifications: number;
}

export type ReportsIssuedCheck = CronRoutine<ReportsCheckRun>;

type CheckDeps = Pick<Services, 'config' | 'store' | 'clock' | 'sis' | 'policy' | 'logger'>;

function dayBefore(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export async function checkIssuedReports(deps: CheckDeps): Promise<ReportsCheckRun> {
  const now = deps.clock.now();
  const today = localDateOf(now, deps.config.school.timezone);
  const states = deps.store.collection<CheckState>(POLICY_STATE_COLLECTION);
  const since = (await states.get(STATE_ID))?.checkedThrough ?? dayBefore(today);
  let notifications = 0;
  if (since < today) {
    for await (const { accountId, studentId, jaargroep, issued } of reportAudience(deps, today)) {
      const fresh = issued.filter((r) => r.issuedOn > since);
      if (fresh.length === 0 || !(await deps.policy.isOpen('reports', { studentJaargroep: jaargroep })).open) continue;
      for (const report of fresh) if (await notifyReport(deps, accountId, studentId, report.id)) notifications += 1;
    }
    await states.put({ id: STATE_ID, checkedThrough: today, updatedAt: now.toISOString() });
    await deps.store.flush();
  }
  deps.logger.info({ since, today, notifications }, 'issued reports checked');
  return { since, today, notifications };
}

export function createReportsIssuedCheck(deps: CheckDeps & Pick<Services, 'jobSlots' | 'instanceId'>): ReportsIssuedCheck {
  return createCronRoutine({
    name: 'ouderpoort-reports-issued', expression: '5 0 * * *', timezone: deps.config.school.timezone,
    logger: deps.logger, slots: deps.jobSlots, runs: routineRunLog(deps), failureMessage: 'daily check of issued reports failed',
    run: () => checkIssuedReports(deps),
  });
}
