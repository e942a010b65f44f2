/**
 * The data check (issue 20 item 4) as the service graph builds it: the answers, the login prompt,
 * the parent page, the staff page, and the reminder routine.
 */
import type { Router } from 'express';
import type { Services } from '../services.ts';
import { createDataCheckAnswers, type DataCheckAnswers } from './answers.ts';
import { createDataCheckRouter } from './parent-page.ts';
import { dataCheckPrompt, type DataCheckPromptDeps } from './prompt.ts';
import { createDataCheckReminders, type ReminderReport } from './reminders.ts';
import { createDataCheckStaffRouter } from './staff-page.ts';
import type { CronRoutine } from '../jobs/cron-routine.ts';
import type { RequestHandler } from 'express';
import type { ChangeRequests } from '../changes/change-requests.ts';
import { activeDataCheck, checkKey } from './active-check.ts';
import { isAnswered } from './answers.ts';

export { DATA_CHECK_ANSWERS_COLLECTION } from './answers.ts';
export type { DataCheckAnswer, DataCheckAnswers } from './answers.ts';

export interface DataCheckFeature {
  answers: DataCheckAnswers;
  /** Mounted after the parents' auth guard, before their pages. */
  prompt: RequestHandler;
  parentRouter: Router;
  /** Mounted under /beheer behind the operator guard. */
  staffRouter: Router;
  reminders: CronRoutine<ReminderReport>;
}

type FeatureDeps = Pick<Services, 'config' | 'clock' | 'store' | 'sis' | 'logger' | 'handles' | 'calendar' | 'mail' | 'mailRenderer' | 'jobSlots' | 'instanceId'> & {
  /** Corrections: one sent while a check runs answers it for that parent. */
  changes: Pick<ChangeRequests, 'onSubmitted'>;
};

export function createDataCheckFeature(deps: FeatureDeps): DataCheckFeature {
  const answers = createDataCheckAnswers(deps);
  const promptDeps: DataCheckPromptDeps = {
    calendar: () => deps.calendar.current(), clock: deps.clock, answers, skipsAllowed: deps.config.dataCheck.skipsAllowed,
    async hasGezag(accountId) {
      return ((await deps.store.accounts.get(accountId))?.studentIds ?? []).length > 0;
    },
  };
  deps.changes.onSubmitted(async (request) => {
    const event = activeDataCheck(deps.calendar.current(), deps.clock.now());
    if (!event) return;
    const check = checkKey(event);
    if (isAnswered(await answers.get(check, request.accountId))) return;
    await answers.correctionSent(check, { accountId: request.accountId, guardianId: request.guardianId }, request.reference);
  });
  return {
    answers,
    prompt: dataCheckPrompt(promptDeps),
    parentRouter: createDataCheckRouter({ ...deps, ...promptDeps }),
    staffRouter: createDataCheckStaffRouter({ ...deps, answers, calendar: promptDeps.calendar }),
    reminders: createDataCheckReminders({ ...deps, answers }),
  };
}
