/**
 * The notification digest: inside the school's delivery window (mail.notifications.window, local
 * time), everything waiting for a parent goes out as one mail listing every child and event;
 * outside it nothing is sent, so what happened at night (results open at local midnight) waits for
 * the afternoon and reaches the parent in one mail, not at 08:15 at the classroom door.
 *
 * The mail's delivery key is derived from the notifications it holds, queued before they are
 * marked sent: a run stopped in between queues the same key again, which the outbox keeps once.
 * Runs every minute (node-cron, real time) in production; runOnce() in tests.
 */
import { createHash } from 'node:crypto';
import { createCronRoutine, type CronRoutine } from '../jobs/cron-routine.ts';
import { routineRunLog } from '../jobs/routine-runs.ts';
import { countedRun } from '../metrics/job-metrics.ts';
import { isSisError } from '../../adapters/contract/index.ts';
import type { Locale } from '../i18n/translate.ts';
import { linkBase } from '../mail/create-mailer.ts';
import { mailLocale, schoolMailModel } from '../mail/school-model.ts';
import { isInDeliveryWindow } from '../outbox/window.ts';
import { displayName } from '../routes/parent/view-models/person-name.ts';
import type { Services } from '../services.ts';
import type { Account } from '../store/types.ts';
import { notifications, type PendingNotification } from './notify.ts';
import { notificationWindow } from './window.ts';

export type DigestDeps = Pick<Services, 'config' | 'clock' | 'store' | 'sis' | 'mail' | 'mailRenderer' | 'logger' | 'metrics' | 'jobSlots' | 'instanceId'>;

export interface DigestReport {
  /** False outside the window: nothing was sent. */
  inWindow: boolean;
  /** Delivery keys of the digest mails queued. */
  mails: string[];
  /** Notifications dropped: the account is gone or disabled, or has no address. */
  dropped: number;
}

const ITEM_KEYS = {
  'results-opened': 'mail.notification.resultsOpened',
  'correction-processed': 'mail.notification.correctionProcessed',
  'correction-rejected': 'mail.notification.correctionRejected',
  'correction-delayed': 'mail.notification.correctionDelayed',
  'report-available': 'mail.notification.reportAvailable',
  'leave-approved': 'leave.notification.approved',
  'leave-refused': 'leave.notification.refused',
} as const;

async function childName(deps: DigestDeps, studentId: string): Promise<string> {
  try {
    return displayName((await deps.sis.getStudent(studentId)).value.name);
  } catch (err) {
    if (isSisError(err, 'SIS_NOT_FOUND')) return '';
    throw err;
  }
}

async function digestFor(deps: DigestDeps, account: Account, pending: PendingNotification[]): Promise<string> {
  const locale: Locale = mailLocale(account, deps.config);
  const items = [];
  for (const n of pending) {
    items.push({ key: ITEM_KEYS[n.kind], child: await childName(deps, n.studentId), ...(n.section && { section: `section.${n.section}` }) });
  }
  const mail = deps.mailRenderer.render('notification', locale, {
    ...schoolMailModel(deps.config, locale, deps.clock.now()), settingsUrl: `${linkBase(deps.config)}/account/meldingen`, items,
  }, { school: deps.config.school.name });
  const ids = pending.map((n) => n.id).sort().join('\n');
  const key = `notify:${account.id}:${createHash('sha256').update(ids).digest('hex').slice(0, 32)}`;
  // The window goes with the mail: a send that fails late in it is retried in the next one, not at night.
  await deps.mail.queue(key, { to: (account.notificationEmail ?? account.email)!, ...mail }, { window: notificationWindow(deps.config) });
  return key;
}

export async function runDigest(deps: DigestDeps): Promise<DigestReport> {
  const report: DigestReport = { inWindow: isInDeliveryWindow(deps.clock.now(), notificationWindow(deps.config)), mails: [], dropped: 0 };
  if (!report.inWindow) return report;
  const collection = notifications(deps.store);
  const waiting = await collection.list((n) => n.sentIn === undefined);
  const byAccount = new Map<string, PendingNotification[]>();
  for (const n of waiting) byAccount.set(n.accountId, [...(byAccount.get(n.accountId) ?? []), n]);

  for (const [accountId, pending] of byAccount) {
    const account = await deps.store.accounts.get(accountId);
    pending.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    const key = account?.status === 'active' && (account.notificationEmail ?? account.email)
      ? await digestFor(deps, account, pending)
      : 'dropped';
    if (key === 'dropped') report.dropped += pending.length;
    else report.mails.push(key);
    for (const n of pending) await collection.put({ ...n, sentIn: key });
  }
  if (report.mails.length > 0) deps.logger.info({ mails: report.mails.length }, 'notification digests queued');
  return report;
}

export type NotificationDigest = CronRoutine<DigestReport>;

export function createNotificationDigest(deps: DigestDeps): NotificationDigest {
  return createCronRoutine({
    name: 'ouderpoort-notification-digest', expression: '* * * * *', timezone: deps.config.school.timezone,
    logger: deps.logger, slots: deps.jobSlots, runs: routineRunLog(deps), failureMessage: 'notification digest failed', run: countedRun(deps.metrics, 'notifications.digest', () => runDigest(deps)),
  });
}
