/**
 * What staff do to a parent's account from /beheer/accounts. Each returns what changed so the
 * route can audit it; none of them deletes anything.
 * - disable / enable: an operator's decision (provisioning keeps it); disabling ends every session at once;
 * - end sessions: every session of the account, now;
 * - grant limited access (DOMAIN §5, art. 1:377c BW): for a guardian without gezag, an account of
 *   scope 'limited' with the chosen sections, a reason and a last day; a new account is invited;
 * - revoke it: the grant goes and the sessions end (the account can see nothing any more).
 */
import { randomUUID } from 'node:crypto';
import type { Clock, Guardian } from '../../adapters/contract/index.ts';
import type { AccessGrant } from '../privacy/grant.ts';
import type { Account, Store } from '../store/types.ts';
import { invitationEmail } from './eligibility.ts';
import { freeUsername } from './provision.ts';

/** What a limited grant may cover: never corrections (they need gezag). */
export const GRANTABLE_SECTIONS = ['personalia', 'absences', 'results.method', 'results.lvs', 'reports', 'absence-report', 'leave', 'conversations'] as const;
/** Acting for the child (reporting absent, asking for leave or a conversation) is granted only when staff tick it. */
export const GRANTED_ONLY_WHEN_CHOSEN: readonly string[] = ['personalia', 'absence-report', 'leave', 'conversations'];

type Accounts = Pick<Store, 'accounts' | 'sessions'>;

export async function setAccountDisabled(store: Accounts, clock: Clock, account: Account, disabled: boolean): Promise<{ sessionsEnded: number }> {
  const now = clock.now().toISOString();
  await store.accounts.update(account.id, disabled
    ? { status: 'disabled', disabledReason: 'operator', disabledAt: account.disabledAt ?? now, updatedAt: now }
    : { status: 'active', disabledReason: undefined, disabledAt: undefined, updatedAt: now });
  return { sessionsEnded: disabled ? await store.sessions.destroyByAccount(account.id) : 0 };
}

export async function endAccountSessions(store: Accounts, account: Account): Promise<number> {
  return store.sessions.destroyByAccount(account.id);
}

export type GrantProblem = 'noEmail' | 'hasGezag';

/**
 * Grants (or changes) limited access for `guardian`. An existing full account is never narrowed;
 * a guardian the SIS gives no e-mail address cannot be invited.
 */
export async function grantLimitedAccess(
  store: Accounts, clock: Clock, guardian: Guardian, grant: Omit<AccessGrant, 'grantedAt'>,
): Promise<{ account: Account; created: boolean } | { problem: GrantProblem }> {
  const now = clock.now().toISOString();
  const existing = await store.accounts.findByGuardianId(guardian.id);
  if (existing?.scope === 'full' || (!existing && guardian.children.some((l) => l.gezag))) return { problem: 'hasGezag' };
  const full: AccessGrant = { ...grant, sections: [...grant.sections], grantedAt: now };
  const studentIds = [...new Set(guardian.children.map((l) => l.studentId))].sort();
  if (existing) {
    const account = await store.accounts.update(existing.id, { grant: full, studentIds, updatedAt: now });
    return { account, created: false };
  }
  const email = invitationEmail(guardian);
  if (!email) return { problem: 'noEmail' };
  const account: Account = {
    id: randomUUID(), guardianId: guardian.id, username: await freeUsername(store.accounts, 'ouder'), mustChangePassword: true,
    status: 'active', scope: 'limited', email, studentIds, grant: full, createdAt: now, updatedAt: now,
  };
  await store.accounts.create(account);
  return { account, created: true };
}

export async function revokeLimitedAccess(store: Accounts, clock: Clock, account: Account): Promise<{ sessionsEnded: number }> {
  await store.accounts.update(account.id, { grant: undefined, updatedAt: clock.now().toISOString() });
  return { sessionsEnded: await store.sessions.destroyByAccount(account.id) };
}
