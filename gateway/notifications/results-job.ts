/**
 * "The results for <child> are now open": on every 'opened' transition of a results section, each
 * active account that opted in to results is notified for each of its children in the groups that
 * opened. The digest sends it inside the delivery window.
 */
import { isSisError } from '../../adapters/contract/index.ts';
import type { JobDefinition } from '../jobs/index.ts';
import type { Services } from '../services.ts';
import { notify } from './notify.ts';
import { topicsOf } from './prefs.ts';

export const RESULTS_NOTIFICATION_JOB = 'notifications.results-opened';

export function createResultsNotificationJob(deps: Pick<Services, 'store' | 'clock' | 'sis' | 'logger'>): JobDefinition {
  return {
    name: RESULTS_NOTIFICATION_JOB,
    on: { type: 'transition', sections: ['results.method', 'results.lvs'], change: 'opened' },
    async run(event) {
      if (event.type !== 'transition') return;
      const groups = new Set<number>(event.groups);
      let count = 0;
      for (const account of await deps.store.accounts.list()) {
        if (account.status !== 'active' || !(await topicsOf(deps.store, account.id)).includes('results')) continue;
        for (const studentId of account.studentIds ?? []) {
          let jaargroep: number | undefined;
          try {
            jaargroep = (await deps.sis.getStudent(studentId)).value.jaargroep;
          } catch (err) {
            if (isSisError(err, 'SIS_NOT_FOUND')) continue;
            throw err;
          }
          if (jaargroep === undefined || !groups.has(jaargroep)) continue;
          const stored = await notify(deps, {
            key: `results:${event.key}:${studentId}`, accountId: account.id, topic: 'results', kind: 'results-opened', studentId, section: event.section,
          });
          if (stored) count += 1;
        }
      }
      deps.logger.info({ event: event.key, notifications: count }, 'results-opened notifications stored');
    },
  };
}
