/**
 * One reminder mail per parent who has not answered the running data check (confirmed, or sent a
 * correction), `dataCheck.reminderAfter`
 * after it started, and only inside the school's delivery window (mail.notifications.window): the
 * mail carries the window into the outbox, so a retry after a failure late in it waits for the next
 * opening. The delivery key names the check and the account, so a run repeated after a restart
 * queues nothing twice. Runs every few minutes on node-cron, each firing on one instance only (its
 * slot claimed, slot-claims.ts); tests call runOnce().
 */
import { createCronRoutine, type CronRoutine } from '../jobs/cron-routine.ts';
import { routineRunLog } from '../jobs/routine-runs.ts';
import { linkBase } from '../mail/create-mailer.ts';
import { mailLocale, schoolMailModel } from '../mail/school-model.ts';
import { notificationWindow } from '../notifications/window.ts';
import { isInDeliveryWindow } from '../outbox/window.ts';
import type { Services } from '../services.ts';
import { activeDataCheck, checkKey } from './active-check.ts';
import { isAnswered, type DataCheckAnswers } from './answers.ts';
import { DATA_CHECK_PATH } from './prompt.ts';

export type ReminderDeps = Pick<Services, 'config' | 'clock' | 'store' | 'mail' | 'mailRenderer' | 'logger' | 'calendar'> & {
  answers: DataCheckAnswers;
};

export interface ReminderReport {
  check?: string;
  inWindow: boolean;
  queued: string[];
}

export async function runDataCheckReminders(deps: ReminderDeps): Promise<ReminderReport> {
  const now = deps.clock.now();
  const window = notificationWindow(deps.config);
  const report: ReminderReport = { inWindow: isInDeliveryWindow(now, window), queued: [] };
  const event = activeDataCheck(deps.calendar.current(), now);
  if (!event) return report;
  report.check = checkKey(event);
  if (!report.inWindow || now.getTime() < Date.parse(event.at) + deps.config.dataCheck.reminderAfter) return report;
  for (const account of await deps.store.accounts.list()) {
    const to = account.notificationEmail ?? account.email;
    if (account.status !== 'active' || account.scope !== 'full' || (account.studentIds ?? []).length === 0 || !to) continue;
    const answer = await deps.answers.get(report.check, account.id);
    // A correction opened but never sent is no answer: that parent is reminded too.
    if (isAnswered(answer) || answer?.reminder) continue;
    const locale = mailLocale(account, deps.config);
    const mail = deps.mailRenderer.render('data-check-reminder', locale, {
      ...schoolMailModel(deps.config, locale, now), checkUrl: `${linkBase(deps.config)}${DATA_CHECK_PATH}`,
    }, { school: deps.config.school.name });
    const key = `data-check:${report.check}:${account.id}`;
    await deps.mail.queue(key, { to, ...mail }, { window });
    await deps.answers.markReminded(report.check, { accountId: account.id, guardianId: account.guardianId }, key);
    report.queued.push(key);
  }
  await deps.store.flush();
  if (report.queued.length > 0) deps.logger.info({ check: report.check, mails: report.queued.length }, 'data-check reminders queued');
  return report;
}

export function createDataCheckReminders(deps: ReminderDeps & Pick<Services, 'jobSlots' | 'instanceId'>): CronRoutine<ReminderReport> {
  return createCronRoutine({
    name: 'ouderpoort-data-check-reminders', expression: '*/5 * * * *', timezone: deps.config.school.timezone,
    logger: deps.logger, slots: deps.jobSlots, runs: routineRunLog(deps), failureMessage: 'data-check reminders failed',
    run: () => runDataCheckReminders(deps),
  });
}
