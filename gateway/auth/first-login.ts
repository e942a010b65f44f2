/**
 * Completing the first login: the parent, logged in with the invitation's initial secret, chooses
 * their own password (and optionally their own username). Afterwards the initial secret is gone:
 * it worked exactly once, for this.
 */
import type { Clock } from '../../adapters/contract/adapter.ts';
import type { Account, AccountRepo } from '../store/types.ts';
import { defaultHasher } from './password-hash.ts';
import type { PasswordHasher } from './password-hash.ts';
import { checkNewPassword } from './password-policy.ts';
import type { PasswordContext, PolicyReason } from './password-policy.ts';
import { verifyInitialSecret } from './secrets.ts';
import { checkUsernameFormat, normalizeUsername } from './username.ts';
import type { UsernameReason } from './username.ts';

export type FirstLoginReason = PolicyReason | UsernameReason | 'reused_initial_secret' | 'not_pending';

export const FIRST_LOGIN_REASON_MESSAGE_KEYS = Object.freeze({
  reused_initial_secret: 'password.reused_initial_secret',
  not_pending: 'account.first_login_not_pending',
} as const);

export interface FirstLoginInput {
  newPassword: string;
  /** Leave out (or empty) to keep the username from the invitation. */
  newUsername?: string;
}

export interface FirstLoginDeps {
  clock: Clock;
  /** Names of the parent and children and the school's name; username and e-mail are added here. */
  policyContext?: PasswordContext;
  minLength?: number;
  hasher?: PasswordHasher;
}

export type FirstLoginResult = { ok: true; account: Account } | { ok: false; reasons: FirstLoginReason[] };

function isDuplicate(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'DUPLICATE';
}

export async function completeFirstLogin(
  accounts: AccountRepo,
  accountId: string,
  input: FirstLoginInput,
  deps: FirstLoginDeps,
): Promise<FirstLoginResult> {
  const account = await accounts.get(accountId);
  if (!account || account.status !== 'active' || !account.mustChangePassword) return { ok: false, reasons: ['not_pending'] };

  const reasons: FirstLoginReason[] = [];
  const requested = input.newUsername === undefined ? '' : normalizeUsername(input.newUsername);
  const username = requested === '' ? account.username : requested;
  if (username !== account.username) {
    const formatReasons = checkUsernameFormat(username);
    reasons.push(...formatReasons);
    if (formatReasons.length === 0) {
      const holder = await accounts.findByUsername(username);
      if (holder && holder.id !== account.id) reasons.push('username_taken');
    }
  }

  const context = deps.policyContext ?? {};
  const policy = checkNewPassword(input.newPassword, {
    minLength: deps.minLength,
    context: {
      ...context,
      username,
      email: account.email ?? context.email,
      // The invitation's username stays a known fact about this parent after a change.
      names: username === account.username ? context.names : [...(context.names ?? []), account.username],
    },
  });
  if (!policy.ok) reasons.push(...policy.reasons);
  // The initial secret travelled by e-mail; as a lasting password it would be a leaked one.
  if (account.initialSecretHash && verifyInitialSecret(input.newPassword, account.initialSecretHash)) {
    reasons.push('reused_initial_secret');
  }
  if (reasons.length > 0) return { ok: false, reasons };

  const hasher = deps.hasher ?? defaultHasher;
  const passwordHash = await hasher.hashPassword(input.newPassword);
  try {
    const updated = await accounts.update(account.id, {
      username,
      passwordHash,
      mustChangePassword: false,
      // undefined clears the field (the store drops undefined values).
      initialSecretHash: undefined,
      initialSecretExpiresAt: undefined,
      updatedAt: deps.clock.now().toISOString(),
    });
    return { ok: true, account: updated };
  } catch (err) {
    // Someone took the username between our check and the write.
    if (isDuplicate(err)) return { ok: false, reasons: ['username_taken'] };
    throw err;
  }
}
