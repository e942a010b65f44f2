/**
 * Disabled accounts are deleted `retention.disabledAccounts` after they were disabled (by the
 * accounts run when the last child left, or by an operator): the account, its sessions, its
 * links (reset, address confirmation, undo), its notifications and choices, its second factor.
 * Its corrections keep their own retention (changes.retention; never while undelivered), and the
 * audit keeps its records (audit.retention) under the account id, which names no one. An account
 * disabled before `disabledAt` was recorded counts from its last update.
 *
 * Only an account that lists no child any more is deleted: one an operator disabled while the
 * guardian still has a child with gezag at school is kept, or the next accounts run would make a
 * new one and invite the parent — undoing the school's decision.
 */
import { randomUUID } from 'node:crypto';
import { UNDO_TOKENS_COLLECTION } from '../account-safety/change-notice.ts';
import { RESET_TOKENS_COLLECTION } from '../auth/password-reset.ts';
import { parentSubject, SECOND_FACTORS_COLLECTION } from '../auth/second-factor/index.ts';
import { EMAIL_CONFIRMATIONS_COLLECTION } from '../notifications/email-change.ts';
import { NOTIFICATIONS_COLLECTION } from '../notifications/notify.ts';
import { PREFS_COLLECTION } from '../notifications/prefs.ts';
import type { Account, Store } from '../store/types.ts';

/** Collections whose documents belong to one account by `accountId`. */
const BY_ACCOUNT = [RESET_TOKENS_COLLECTION, EMAIL_CONFIRMATIONS_COLLECTION, UNDO_TOKENS_COLLECTION, NOTIFICATIONS_COLLECTION];

export const disabledSince = (account: Account): string => account.disabledAt ?? account.updatedAt;

async function forgetAccount(store: Store, account: Account): Promise<void> {
  await store.sessions.destroyByAccount(account.id);
  for (const name of BY_ACCOUNT) {
    const docs = store.collection<{ id: string; accountId?: string }>(name);
    for (const doc of await docs.list((d) => d.accountId === account.id)) await docs.delete(doc.id);
  }
  await store.collection(PREFS_COLLECTION).delete(account.id);
  await store.collection(SECOND_FACTORS_COLLECTION).delete(parentSubject(account.id));
  await store.accounts.delete(account.id);
}

/** Deletes every account disabled at least `retentionMs` before `now`; returns how many. */
export async function purgeDisabledAccounts(store: Store, now: Date, retentionMs: number): Promise<number> {
  const cutoff = now.getTime() - retentionMs;
  const expired = (await store.accounts.list()).filter((a) => a.status === 'disabled'
    && (a.studentIds ?? []).length === 0 && Date.parse(disabledSince(a)) <= cutoff);
  for (const account of expired) {
    await forgetAccount(store, account);
    await store.audit.append({
      id: randomUUID(), at: now.toISOString(), actor: 'retention', actorKind: 'system', action: 'account.purge',
      detail: { account: account.id },
    });
  }
  return expired.length;
}
