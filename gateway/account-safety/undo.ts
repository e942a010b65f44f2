/**
 * "Dit was ik niet": the link in a change notice. It undoes what can be undone (a new notification
 * address goes back to the previous one; a second factor switched on by someone else is removed),
 * voids pending address confirmations, and ends every session of the account — whoever changed it
 * is out. A changed password cannot be restored: the page sends the parent to password reset, which
 * goes to the SIS address only (the one address a session cannot change).
 */
import { findLinkToken } from '../auth/link-token.ts';
import { parentSubject, type SecondFactor } from '../auth/second-factor/index.ts';
import { EMAIL_CONFIRMATIONS_COLLECTION, type EmailConfirmationDoc } from '../notifications/email-change.ts';
import type { Services } from '../services.ts';
import type { Account } from '../store/types.ts';
import { undoTokens, type UndoTokenDoc } from './change-notice.ts';

export type UndoDeps = Pick<Services, 'store' | 'clock'> & { secondFactor: SecondFactor };

export async function pendingUndo(deps: Pick<UndoDeps, 'store' | 'clock'>, token: string): Promise<{ doc: UndoTokenDoc; account: Account } | undefined> {
  return findLinkToken(undoTokens(deps.store), deps.store.accounts, token, deps.clock.now());
}

export async function undoChange(deps: UndoDeps, token: string): Promise<{ account: Account; kind: UndoTokenDoc['kind']; sessionsEnded: number } | undefined> {
  const found = await pendingUndo(deps, token);
  if (!found) return undefined;
  const { doc, account } = found;
  const now = deps.clock.now().toISOString();
  await undoTokens(deps.store).put({ ...doc, usedAt: now });
  if (doc.kind === 'address') {
    await deps.store.accounts.update(account.id, { notificationEmail: doc.previousNotificationEmail, updatedAt: now });
  }
  if (doc.kind === 'secondFactorOn') await deps.secondFactor.reset(parentSubject(account.id));
  const confirmations = deps.store.collection<EmailConfirmationDoc>(EMAIL_CONFIRMATIONS_COLLECTION);
  for (const c of await confirmations.list((d) => d.accountId === account.id && !d.usedAt)) await confirmations.put({ ...c, usedAt: now });
  const sessionsEnded = await deps.store.sessions.destroyByAccount(account.id);
  await deps.store.flush();
  return { account, kind: doc.kind, sessionsEnded };
}
