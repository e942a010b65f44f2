/**
 * "A new report of <child> is available", told once per report per account (the notification
 * key is the report's id), by two paths:
 * - on every 'opened' transition of the reports section (the demo calendar: 17 February, and
 *   2 July when the June closure ends): the latest report issued by that day;
 * - every day (reports-issued-check.ts): each report whose issue date passed since the last check
 *   while the section is open for the child's group — a report issued into an open section.
 * A parent without gezag is told only while a grant covers reports. The digest sends it inside
 * the delivery window; the text names the child only.
 */
import type { JobDefinition } from '../jobs/index.ts';
import type { Services } from '../services.ts';
import { notify } from './notify.ts';
import { reportAudience } from './report-audience.ts';

export const REPORTS_NOTIFICATION_JOB = 'notifications.report-available';

/** Stores the notification of one report for one account; true when it is new. */
export function notifyReport(deps: Pick<Services, 'store' | 'clock'>, accountId: string, studentId: string, reportId: string): Promise<boolean> {
  return notify(deps, { key: `report:${reportId}`, accountId, topic: 'reports', kind: 'report-available', studentId });
}

export function createReportsNotificationJob(deps: Pick<Services, 'store' | 'clock' | 'sis' | 'logger'>): JobDefinition {
  return {
    name: REPORTS_NOTIFICATION_JOB,
    on: { type: 'transition', sections: ['reports'], change: 'opened' },
    async run(event) {
      if (event.type !== 'transition') return;
      const groups = new Set<number>(event.groups);
      let count = 0;
      for await (const { accountId, studentId, jaargroep, issued } of reportAudience(deps, event.date)) {
        // A pupil without a jaargroep yet is in no group a transition names.
        const latest = issued[0];
        if (jaargroep === undefined || !groups.has(jaargroep) || !latest) continue;
        if (await notifyReport(deps, accountId, studentId, latest.id)) count += 1;
      }
      deps.logger.info({ event: event.key, notifications: count }, 'report-available notifications stored');
    },
  };
}
