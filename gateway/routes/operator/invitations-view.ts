/**
 * The invitations page's model: which accounts a search finds, where each stands with its
 * invitation (never the code or its hash), and the message key for each outcome of a re-issue.
 */
import { invitationKey, type InviteOutcome } from '../../accounts/invitations.ts';
import { normalizeUsername } from '../../auth/username.ts';
import type { OutboxItem } from '../../outbox/index.ts';
import type { Account, AccountRepo } from '../../store/types.ts';

export type SearchKind = 'username' | 'email' | 'both';

/**
 * Exact matches only (no browsing of parents by prefix): the username, and — for anything with an
 * '@' — the guardian's address from the SIS or their confirmed notification address. A username
 * may itself be an e-mail address, so both are tried then.
 */
export async function findAccounts(accounts: AccountRepo, query: string): Promise<{ kind: SearchKind; found: Account[] }> {
  const wanted = normalizeUsername(query);
  const byName = await accounts.findByUsername(wanted);
  if (!wanted.includes('@')) return { kind: 'username', found: byName ? [byName] : [] };
  const byEmail = (await accounts.list()).filter((a) => a.email?.toLowerCase() === wanted || a.notificationEmail?.toLowerCase() === wanted);
  const found = byName ? [byName, ...byEmail.filter((a) => a.id !== byName.id)] : byEmail;
  return { kind: 'both', found };
}

export interface InvitationRow {
  id: string;
  username: string;
  email?: string;
  active: boolean;
  hasPassword: boolean;
  /** operator.invitations.state.*: password | pending | expired | none */
  stateKey: string;
  expiresAt?: string;
  /** The issue number the page was rendered with; a re-issue form carries it back. */
  issue: number;
  lastSent?: { issue: number; at: string; deliveryKey: string; deliveryVars: Record<string, string | number> };
}

/** The latest invitation mail's outbox item, when one was queued. */
export function latestInvitationKey(account: Account): string | undefined {
  return account.invitationQueued ? invitationKey(account.id, account.invitationQueued) : undefined;
}

function stateOf(account: Account, now: Date): Pick<InvitationRow, 'stateKey' | 'expiresAt'> {
  if (account.passwordHash) return { stateKey: 'operator.invitations.state.password' };
  const expiresAt = account.initialSecretHash ? account.initialSecretExpiresAt : undefined;
  if (!expiresAt) return { stateKey: 'operator.invitations.state.none' };
  const pending = Date.parse(expiresAt) > now.getTime();
  return { stateKey: `operator.invitations.state.${pending ? 'pending' : 'expired'}`, expiresAt };
}

export function invitationRow(account: Account, mail: OutboxItem | undefined, now: Date): InvitationRow {
  const sent: InvitationRow['lastSent'] = account.invitationQueued && account.invitedAt
    ? {
      issue: account.invitationQueued,
      at: account.invitedAt,
      deliveryKey: mail ? `operator.queue.deliveryState.${mail.status}` : 'operator.queue.deliveryState.missing',
      deliveryVars: mail ? { attempts: mail.attempts + 1, error: mail.lastError ?? '' } : {},
    }
    : undefined;
  return {
    id: account.id,
    username: account.username,
    ...(account.email ? { email: account.email } : {}),
    active: account.status === 'active',
    hasPassword: Boolean(account.passwordHash),
    ...stateOf(account, now),
    issue: account.invitations ?? 0,
    ...(sent ? { lastSent: sent } : {}),
  };
}

type SkipReason = Extract<InviteOutcome, { outcome: 'skipped' }>['reason'];

/**
 * Every answer to "Opnieuw uitnodigen": sent, one of the invitation's own reasons to skip, no such
 * account, or 'stale' — the form was for an earlier issue (sent twice, or another operator was
 * first), so nothing is sent again.
 */
export type ReissueAnswer = 'invited' | 'not-found' | 'stale' | SkipReason;

export const REISSUE_MESSAGE_KEYS: Readonly<Record<ReissueAnswer, string>> = Object.freeze({
  invited: 'operator.invitations.outcome.invited',
  'not-found': 'operator.invitations.outcome.notFound',
  stale: 'operator.invitations.outcome.stale',
  inactive: 'operator.invitations.outcome.inactive',
  'no-email': 'operator.invitations.outcome.noEmail',
  'already-invited': 'operator.invitations.outcome.alreadyInvited',
  'has-password': 'operator.invitations.outcome.hasPassword',
});
