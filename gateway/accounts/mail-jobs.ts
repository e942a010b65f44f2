/**
 * The jobs of accounts and mail, wired in one place for boot: the invitation job and the
 * results-opened notifications on the policy scheduler's events, the nightly accounts run, the
 * notification digest, the stuck-correction notices, the daily check of issued reports and the nightly retention purge on their own node-cron tasks. Register before scheduler.start() (so a missed
 * invitation day is caught up at start); stop() ends the cron tasks and the SMTP connection.
 */
import type { Scheduler } from '../jobs/index.ts';
import { createDelayNotices } from '../notifications/delay-notices.ts';
import { createNotificationDigest } from '../notifications/digest.ts';
import { createReportsIssuedCheck } from '../notifications/reports-issued-check.ts';
import { createReportsNotificationJob } from '../notifications/reports-job.ts';
import { createResultsNotificationJob } from '../notifications/results-job.ts';
import { createNightlyPurge } from '../retention/nightly-purge.ts';
import type { Services } from '../services.ts';
import { createInvitationJob, createNightlyAccounts } from './account-jobs.ts';

export function registerMailJobs(services: Services, scheduler: Scheduler): { start(): void; stop(): Promise<void> } {
  scheduler.register(createInvitationJob(services));
  scheduler.register(createResultsNotificationJob(services));
  scheduler.register(createReportsNotificationJob(services));
  const nightly = createNightlyAccounts(services);
  const digest = createNotificationDigest(services);
  const purge = createNightlyPurge(services);
  const delays = createDelayNotices(services);
  const reportsIssued = createReportsIssuedCheck(services);
  const dataCheck = services.dataCheck.reminders;
  return {
    start() {
      nightly.start();
      digest.start();
      delays.start();
      purge.start();
      reportsIssued.start();
      dataCheck.start();
    },
    async stop() {
      await nightly.stop();
      await digest.stop();
      await delays.stop();
      await purge.stop();
      await reportsIssued.stop();
      await dataCheck.stop();
      await services.mailer.close?.();
    },
  };
}
