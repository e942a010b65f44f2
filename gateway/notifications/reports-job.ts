/**
 * "A new report of <child> is available": on every 'opened' transition of the reports section
 * (the demo calendar: 17 February, and 2 July when the June closure ends), each active account
 * that opted in to 'reports' is told once per report issued by that day and not told before
 * (the notification key is the report's id). A parent without gezag is told only while a grant
 * covers reports. The digest sends it inside the delivery window; the text names the child only.
 */
import { isSisError } from '../../adapters/contract/index.ts';
import type { JobDefinition } from '../jobs/index.ts';
import { grantAllows } from '../privacy/grant.ts';
import { issuedReports } from '../reports/issued.ts';
import type { Services } from '../services.ts';
import { notify } from './notify.ts';
import { topicsOf } from './prefs.ts';

export const REPORTS_NOTIFICATION_JOB = 'notifications.report-available';

export function createReportsNotificationJob(deps: Pick<Services, 'store' | 'clock' | 'sis' | 'logger'>): JobDefinition {
  return {
    name: REPORTS_NOTIFICATION_JOB,
    on: { type: 'transition', sections: ['reports'], change: 'opened' },
    async run(event) {
      if (event.type !== 'transition') return;
      const groups = new Set<number>(event.groups);
      let count = 0;
      for (const account of await deps.store.accounts.list()) {
        if (account.status !== 'active' || !grantAllows(account, 'reports', event.date)) continue;
        if (!(await topicsOf(deps.store, account.id)).includes('reports')) continue;
        for (const studentId of account.studentIds ?? []) {
          let reports;
          try {
            // A pupil without a jaargroep yet is in no group a transition names.
            const { jaargroep } = (await deps.sis.getStudent(studentId)).value;
            if (jaargroep === undefined || !groups.has(jaargroep)) continue;
            reports = issuedReports((await deps.sis.listReports(studentId)).value, event.date);
          } catch (err) {
            if (isSisError(err, 'SIS_NOT_FOUND')) continue;
            throw err;
          }
          const latest = reports[0];
          if (!latest) continue;
          const stored = await notify(deps, {
            key: `report:${latest.id}`, accountId: account.id, topic: 'reports', kind: 'report-available', studentId,
          });
          if (stored) count += 1;
        }
      }
      deps.logger.info({ event: event.key, notifications: count }, 'report-available notifications stored');
    },
  };
}
