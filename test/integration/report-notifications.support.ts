/**
 * Shared by the report-notification tests: useSmtpApp's app and SMTP server (test/support/smtp-app.ts)
 * with the policy scheduler with the reports job, the digest and the daily check on the app's clock,
 * started for each test and stopped after it. Call at the top of a describe(); read the fields inside
 * the tests.
 */
import { createScheduler, type Scheduler } from '../../gateway/jobs/index.ts';
import { createNotificationDigest, type NotificationDigest } from '../../gateway/notifications/digest.ts';
import { createReportsIssuedCheck, type ReportsIssuedCheck } from '../../gateway/notifications/reports-issued-check.ts';
import { createReportsNotificationJob } from '../../gateway/notifications/reports-job.ts';
import type { TestApp } from '../support/app.ts';
import { useSmtpApp, type SmtpAppOptions } from '../support/smtp-app.ts';
import type { TestSmtp } from '../support/smtp.ts';

export interface ReportNotifications {
  t: TestApp;
  smtp: TestSmtp;
  scheduler: Scheduler;
  digest: NotificationDigest;
  check: ReportsIssuedCheck;
}

export function useReportNotifications(options: SmtpAppOptions = {}): Readonly<ReportNotifications> {
  let jobs: Omit<ReportNotifications, 't' | 'smtp'> | undefined;
  const mail = useSmtpApp({
    ...options,
    async ready(t, smtp) {
      const scheduler = createScheduler({
        store: t.services.store, clock: t.clock, getCalendar: () => t.services.calendar.current(), logger: t.services.logger, cronExpression: false,
      });
      scheduler.register(createReportsNotificationJob(t.services));
      await scheduler.start();
      jobs = { scheduler, digest: createNotificationDigest(t.services), check: createReportsIssuedCheck(t.services) };
      await options.ready?.(t, smtp);
    },
  });
  afterEach(async () => {
    await jobs?.scheduler.stop();
    jobs = undefined;
  });
  const started = () => {
    if (!jobs) throw new Error('useReportNotifications: no jobs (used outside a test?)');
    return jobs;
  };
  return {
    get t() { return mail.t; },
    get smtp() { return mail.smtp; },
    get scheduler() { return started().scheduler; },
    get digest() { return started().digest; },
    get check() { return started().check; },
  };
}
