/** Shared by the report-notification tests: the policy scheduler with the reports job, the digest and the daily check, on a test app's clock. */
import { createScheduler, type Scheduler } from '../../gateway/jobs/index.ts';
import { createNotificationDigest, type NotificationDigest } from '../../gateway/notifications/digest.ts';
import { createReportsIssuedCheck, type ReportsIssuedCheck } from '../../gateway/notifications/reports-issued-check.ts';
import { createReportsNotificationJob } from '../../gateway/notifications/reports-job.ts';
import type { TestApp } from '../support/app.ts';

export interface ReportNotifications {
  scheduler: Scheduler;
  digest: NotificationDigest;
  check: ReportsIssuedCheck;
  stop(): Promise<void>;
}

export async function startReportNotifications(t: TestApp): Promise<ReportNotifications> {
  const scheduler = createScheduler({
    store: t.services.store, clock: t.clock, getCalendar: () => t.services.calendar.current(), logger: t.services.logger, cronExpression: false,
  });
  scheduler.register(createReportsNotificationJob(t.services));
  await scheduler.start();
  return {
    scheduler,
    digest: createNotificationDigest(t.services),
    check: createReportsIssuedCheck(t.services),
    async stop() {
      await scheduler.stop();
      await t.services.mailer.close?.();
    },
  };
}
