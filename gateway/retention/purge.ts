/**
 * The nightly purge: everything in the retention table (retention-table.ts), in one run.
 * Idempotent — a second run the same night removes nothing more — and it logs counts only, never
 * what a record held. Its last run is kept (collection retentionRuns) for /beheer/status.
 *
 * Cached SIS records go when no active account lists the child or is the guardian (the accounts
 * run, earlier in the night, has brought the accounts up to date with the SIS), and when they were
 * not fetched again for `retention.cacheUnused`. What was promised and not yet delivered is never
 * touched (see changes/retention.ts); parked mail waits for an operator for retention.parkedMail
 * (a parked correction waits for as long as it takes: the portal promised to deliver it).
 */
import type { AdapterLogger, Clock } from '../../adapters/contract/index.ts';
import { RESET_TOKENS_COLLECTION } from '../auth/password-reset.ts';
import type { LinkTokenDoc } from '../auth/link-token.ts';
import { purgeOldAbsenceReports } from '../absence-report/retention.ts';
import { purgeDecidedChanges } from '../changes/retention.ts';
import { purgeOldLeaveRequests } from '../leave/retention.ts';
import type { Config } from '../config/index.ts';
import { UNDO_TOKENS_COLLECTION } from '../account-safety/change-notice.ts';
import { HISTORY_COLLECTION, type CalendarVersion } from '../calendar-editor/history.ts';
import { createConversationRequests } from '../conversations/requests.ts';
import { createDataCheckAnswers } from '../data-check/answers.ts';
import { EMAIL_CONFIRMATIONS_COLLECTION } from '../notifications/email-change.ts';
import { NOTIFICATIONS_COLLECTION, type PendingNotification } from '../notifications/notify.ts';
import type { Outbox } from '../outbox/index.ts';
import type { Store } from '../store/types.ts';
import { purgeDisabledAccounts } from './disabled-accounts.ts';

export const RETENTION_RUNS_COLLECTION = 'retentionRuns';
const LAST_RUN_ID = 'last';

export interface PurgeCounts {
  sessions: number;
  links: number;
  /** Cached records of children and guardians no active account lists. */
  cacheUnlisted: number;
  /** Cached records not fetched again for retention.cacheUnused. */
  cacheUnused: number;
  corrections: number;
  absenceReports: number;
  leave: number;
  mail: number;
  /** Mail parked as "needs attention" for retention.parkedMail that no operator sent again. */
  parkedMail: number;
  /** Accounts disabled for retention.disabledAccounts, with their sessions, links and settings. */
  accounts: number;
  calendarVersions: number;
  notifications: number;
  audit: number;
  /** Conversation requests older than conversations.retention. */
  conversations: number;
  /** Data-check answers older than dataCheck.retention. */
  dataChecks: number;
}

export interface PurgeRun {
  id: string;
  startedAt: string;
  endedAt: string;
  outcome: 'succeeded' | 'failed';
  counts?: PurgeCounts;
  /** The failure's code or message; never personal data. */
  error?: string;
}

export interface PurgeDeps {
  config: Pick<Config, 'retention' | 'audit' | 'changes' | 'absences' | 'leave' | 'school' | 'conversations' | 'dataCheck'>;
  store: Store;
  outbox: Outbox;
  clock: Clock;
  logger: Pick<AdapterLogger, 'info' | 'error'>;
  /** Drops a child's cached records and anything the SIS service holds for them in memory. */
  forgetStudent(studentId: string): Promise<number>;
}

const before = (now: Date, ms: number) => new Date(now.getTime() - ms);

async function purgeCacheOfUnlisted(deps: PurgeDeps): Promise<number> {
  const active = (await deps.store.accounts.list()).filter((a) => a.status === 'active');
  const children = new Set(active.flatMap((a) => a.studentIds ?? []));
  const guardians = new Set(active.map((a) => a.guardianId));
  const owners = await deps.store.cache.owners();
  let removed = 0;
  for (const studentId of owners.studentIds) if (!children.has(studentId)) removed += await deps.forgetStudent(studentId);
  for (const guardianId of owners.guardianIds) if (!guardians.has(guardianId)) removed += await deps.store.cache.deleteByGuardian(guardianId);
  return removed;
}

/** Single-use links (password reset, address confirmation and undo — both hold an address). */
async function purgeLinks(deps: PurgeDeps, now: Date): Promise<number> {
  let removed = 0;
  for (const name of [RESET_TOKENS_COLLECTION, EMAIL_CONFIRMATIONS_COLLECTION, UNDO_TOKENS_COLLECTION]) {
    const docs = deps.store.collection<LinkTokenDoc>(name);
    for (const doc of await docs.list((d) => d.usedAt !== undefined || Date.parse(d.expiresAt) <= now.getTime())) {
      await docs.delete(doc.id);
      removed += 1;
    }
  }
  return removed;
}

async function purgeDeliveredMail(deps: PurgeDeps, now: Date): Promise<number> {
  const cutoff = before(now, deps.config.retention.deliveredMail).getTime();
  let removed = 0;
  for (const item of await deps.outbox.list({ kind: 'mail', status: 'delivered' })) {
    if (Date.parse(item.deliveredAt ?? item.updatedAt) <= cutoff && (await deps.outbox.purgeDelivered(item.id))) removed += 1;
  }
  return removed;
}

async function purgeParkedMail(deps: PurgeDeps, now: Date): Promise<number> {
  const cutoff = before(now, deps.config.retention.parkedMail).getTime();
  let removed = 0;
  for (const item of await deps.outbox.list({ kind: 'mail', status: 'attention' })) {
    // updatedAt: when it was parked (a parked item is not touched until an operator acts).
    if (Date.parse(item.updatedAt) <= cutoff && (await deps.outbox.purgeParked(item.id))) removed += 1;
  }
  return removed;
}

/** Old calendar versions; the newest stays whatever its age (it is the calendar in force). */
async function purgeCalendarVersions(deps: PurgeDeps, now: Date): Promise<number> {
  const cutoff = before(now, deps.config.retention.calendarVersions).getTime();
  const versions = deps.store.collection<CalendarVersion>(HISTORY_COLLECTION);
  const old = (await versions.list()).slice(0, -1).filter((v) => Date.parse(v.at) <= cutoff);
  for (const v of old) await versions.delete(v.id);
  return old.length;
}

async function purgeNotifications(deps: PurgeDeps, now: Date): Promise<number> {
  const cutoff = before(now, deps.config.retention.notifications).getTime();
  const docs = deps.store.collection<PendingNotification>(NOTIFICATIONS_COLLECTION);
  const old = await docs.list((n) => Date.parse(n.createdAt) <= cutoff);
  for (const n of old) await docs.delete(n.id);
  return old.length;
}

export async function runPurge(deps: PurgeDeps): Promise<PurgeRun> {
  const now = deps.clock.now();
  const startedAt = now.toISOString();
  const runs = deps.store.collection<PurgeRun>(RETENTION_RUNS_COLLECTION);
  let run: PurgeRun;
  try {
    const counts: PurgeCounts = {
      sessions: await deps.store.sessions.purgeExpired(now),
      links: await purgeLinks(deps, now),
      cacheUnlisted: await purgeCacheOfUnlisted(deps),
      cacheUnused: await deps.store.cache.purgeOlderThan(before(now, deps.config.retention.cacheUnused)),
      corrections: (await purgeDecidedChanges(deps, deps.config.changes.retention)).purged.length,
      absenceReports: await purgeOldAbsenceReports(deps, deps.config.absences.retention, deps.config.school.timezone),
      leave: await purgeOldLeaveRequests(deps, deps.config.leave.retention, deps.config.school.timezone),
      mail: await purgeDeliveredMail(deps, now),
      parkedMail: await purgeParkedMail(deps, now),
      accounts: await purgeDisabledAccounts(deps.store, now, deps.config.retention.disabledAccounts),
      calendarVersions: await purgeCalendarVersions(deps, now),
      notifications: await purgeNotifications(deps, now),
      audit: await deps.store.audit.purgeOlderThan(before(now, deps.config.audit.retention)),
      conversations: await createConversationRequests(deps).purgeBefore(before(now, deps.config.conversations.retention)),
      dataChecks: await createDataCheckAnswers(deps).purgeBefore(before(now, deps.config.dataCheck.retention)),
    };
    run = { id: LAST_RUN_ID, startedAt, endedAt: deps.clock.now().toISOString(), outcome: 'succeeded', counts };
    deps.logger.info({ ...counts }, 'retention purge done');
  } catch (err) {
    const error = (err as { code?: unknown }).code ?? (err as Error).name ?? 'Error';
    run = { id: LAST_RUN_ID, startedAt, endedAt: deps.clock.now().toISOString(), outcome: 'failed', error: String(error) };
    deps.logger.error({ err }, 'retention purge failed');
  }
  await runs.put(run);
  await deps.store.flush();
  return run;
}

export async function lastPurge(store: Pick<Store, 'collection'>): Promise<PurgeRun | undefined> {
  return store.collection<PurgeRun>(RETENTION_RUNS_COLLECTION).get(LAST_RUN_ID);
}
