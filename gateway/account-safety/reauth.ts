/**
 * "Is this still the account's owner?" before a change that could take the account over (the
 * notification address, the password, the second factor): the current password, or a login less
 * than auth.reauthWindow ago. Wrong passwords count against the login throttle, so a borrowed
 * session cannot be used to guess the password either.
 */
import type { Request } from 'express';
import type { PasswordHasher } from '../auth/password-hash.ts';
import type { LoginThrottle } from '../auth/throttle.ts';
import type { Services } from '../services.ts';

export type ReauthResult = { ok: true } | { ok: false; reason: 'wrong_current_password' | 'throttled'; retryAfterSec?: number };

export type ReauthDeps = Pick<Services, 'store' | 'clock' | 'config'> & { hasher: PasswordHasher; throttle: LoginThrottle };

/** True while the session's login is recent enough to stand in for the password. */
export function freshLogin(deps: Pick<ReauthDeps, 'clock' | 'config'>, req: Request): boolean {
  const at = Date.parse(req.session.createdAt ?? '');
  return Number.isFinite(at) && deps.clock.now().getTime() - at <= deps.config.auth.reauthWindow;
}

export async function reauthenticate(deps: ReauthDeps, req: Request, password: string): Promise<ReauthResult> {
  if (password === '' && freshLogin(deps, req)) return { ok: true };
  const account = await deps.store.accounts.get(req.user!.accountId);
  const key = { username: account?.username ?? req.user!.accountId, ip: req.ip };
  const decision = await deps.throttle.check(key);
  if (!decision.allowed) return { ok: false, reason: 'throttled', retryAfterSec: decision.retryAfterSec };
  const ok = account?.status === 'active' && account.passwordHash && !account.mustChangePassword
    ? await deps.hasher.verifyPassword(account.passwordHash, password)
    : await deps.hasher.verifyDummy(password);
  if (!ok) {
    await deps.throttle.recordFailure(key);
    return { ok: false, reason: 'wrong_current_password' };
  }
  await deps.throttle.recordSuccess(key);
  return { ok: true };
}

/** The message key for a failed reauthentication, shown next to the password field. */
export function reauthMessage(result: Exclude<ReauthResult, { ok: true }>): string {
  return result.reason === 'throttled' ? 'login.throttled' : 'password.wrong_current';
}
