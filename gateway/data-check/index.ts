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

type FeatureDeps = Pick<Services, 'config' | 'clock' | 'store' | 'sis' | 'logger' | 'handles' | 'calendar' | 'mail' | 'mailRenderer'>;

export function createDataCheckFeature(deps: FeatureDeps): DataCheckFeature {
  const answers = createDataCheckAnswers(deps);
  const promptDeps: DataCheckPromptDeps = {
    calendar: () => deps.calendar.current(), clock: deps.clock, answers, skipsAllowed: deps.config.dataCheck.skipsAllowed,
    async hasGezag(accountId) {
      return ((await deps.store.accounts.get(accountId))?.studentIds ?? []).length > 0;
    },
  };
  return {
    answers,
    prompt: dataCheckPrompt(promptDeps),
    parentRouter: createDataCheckRouter({ ...deps, ...promptDeps }),
    staffRouter: createDataCheckStaffRouter({ ...deps, answers, calendar: promptDeps.calendar }),
    reminders: createDataCheckReminders({ ...deps, answers }),
  };
}
