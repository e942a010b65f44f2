/**
 * Changing the password from the account page. The current password is asked again so a session
 * left open on a shared computer cannot be turned into a takeover; guesses at it are throttled
 * like logins. After a change the route should end the account's other sessions
 * (SessionRepo.destroyByAccount(accountId, currentSid)).
 */
import type { Clock } from '../../adapters/contract/adapter.ts';
import type { AccountRepo } from '../store/types.ts';
import { defaultHasher } from './password-hash.ts';
import type { PasswordHasher } from './password-hash.ts';
import { checkNewPassword } from './password-policy.ts';
import type { PasswordContext, PolicyReason } from './password-policy.ts';
import type { LoginThrottle } from './throttle.ts';

export type ChangePasswordReason = PolicyReason | 'wrong_current_password' | 'throttled';

export const CHANGE_PASSWORD_REASON_MESSAGE_KEYS = Object.freeze({
  wrong_current_password: 'password.wrong_current',
  throttled: 'login.throttled',
} as const);

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export interface ChangePasswordDeps {
  clock: Clock;
  policyContext?: PasswordContext;
  minLength?: number;
  hasher?: PasswordHasher;
  /** With `ip`, counts wrong current passwords against the same limits as logins. */
  throttle?: LoginThrottle;
  ip?: string;
}

export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; reasons: ChangePasswordReason[]; retryAfterSec?: number };

export async function changePassword(
  accounts: AccountRepo,
  accountId: string,
  input: ChangePasswordInput,
  deps: ChangePasswordDeps,
): Promise<ChangePasswordResult> {
  const hasher = deps.hasher ?? defaultHasher;
  const account = await accounts.get(accountId);
  const throttleKey = { username: account?.username ?? accountId, ip: deps.ip };

  if (deps.throttle) {
    const decision = await deps.throttle.check(throttleKey);
    if (!decision.allowed) return { ok: false, reasons: ['throttled'], retryAfterSec: decision.retryAfterSec };
  }

  // A pending first login has no password of its own yet: that goes through completeFirstLogin.
  const currentOk = account && account.status === 'active' && account.passwordHash && !account.mustChangePassword
    ? await hasher.verifyPassword(account.passwordHash, input.currentPassword)
    : await hasher.verifyDummy(input.currentPassword);

  const reasons: ChangePasswordReason[] = [];
  if (!currentOk) {
    await deps.throttle?.recordFailure(throttleKey);
    reasons.push('wrong_current_password');
  } else {
    await deps.throttle?.recordSuccess(throttleKey);
  }

  const context = deps.policyContext ?? {};
  const policy = checkNewPassword(input.newPassword, {
    minLength: deps.minLength,
    context: { ...context, username: account?.username ?? context.username, email: account?.email ?? context.email },
  });
  if (!policy.ok) reasons.push(...policy.reasons);
  if (!account || reasons.length > 0) return { ok: false, reasons };

  await accounts.update(account.id, {
    passwordHash: await hasher.hashPassword(input.newPassword),
    updatedAt: deps.clock.now().toISOString(),
  });
  return { ok: true };
}
