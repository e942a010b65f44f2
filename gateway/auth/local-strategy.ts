/**
 * Parent login with username and password (or, before the first login is complete, the initial
 * secret from the invitation), as a passport-local strategy.
 *
 * Every way a login can fail that says something about the account — unknown username, disabled
 * account, wrong password, wrong or expired initial secret — fails with the same info and after
 * the same amount of argon2 work, so neither the answer nor its timing tells a stranger whether
 * an account exists (DESIGN §4, ASVS V6).
 */
import { Strategy as LocalStrategy } from 'passport-local';
import type { Request } from 'express';
import type { Clock } from '../../adapters/contract/adapter.ts';
import type { Account, AccountRepo } from '../store/types.ts';
import { defaultHasher } from './password-hash.ts';
import type { PasswordHasher } from './password-hash.ts';
import { verifyInitialSecret } from './secrets.ts';
import type { LoginThrottle } from './throttle.ts';
import { normalizeUsername, USERNAME_MAX_LENGTH } from './username.ts';

/**
 * The logged-in parent as passport hands it to the login route: `req.user`'s shape
 * (gateway/types/express.d.ts) plus whether this was a first login. Only `accountId` belongs in
 * the session.
 */
export interface ParentUser extends Express.User {
  /** True until the parent has chosen their own password: the route sends them to do that first. */
  firstLogin: boolean;
  /** True when this login was completed with the second factor. */
  secondFactor?: boolean;
}

/** `message` is an i18n key, and is where passport's `failureMessage` option looks. */
export type LoginFailure =
  | { reason: 'invalid'; message: 'login.invalid' }
  | { reason: 'throttled'; retryAfterSec: number; message: 'login.throttled'; locked?: boolean };
export type LoginOutcome = { ok: true; user: ParentUser } | { ok: false; info: LoginFailure };

export interface LocalStrategyDeps {
  accounts: AccountRepo;
  throttle: LoginThrottle;
  clock: Clock;
  /** Defaults to argon2id at OWASP cost; tests pass a cheaper one. */
  hasher?: PasswordHasher;
}

export interface LoginAttempt {
  username: string;
  password: string;
  ip: string | undefined;
}

function initialSecretValid(account: Account, typed: string, now: Date): boolean {
  const expiresAt = Date.parse(account.initialSecretExpiresAt ?? '');
  // No expiry recorded means no valid secret: an invitation that never ends is a standing password.
  if (!Number.isFinite(expiresAt) || now.getTime() >= expiresAt) return false;
  return verifyInitialSecret(typed, account.initialSecretHash);
}

/** The verify flow on its own, so it can be tested and reused without passport. */
export async function verifyParentLogin(deps: LocalStrategyDeps, attempt: LoginAttempt): Promise<LoginOutcome> {
  const hasher = deps.hasher ?? defaultHasher;
  const username = normalizeUsername(attempt.username);
  const throttleKey = { username, ip: attempt.ip };

  const decision = await deps.throttle.check(throttleKey);
  if (!decision.allowed) {
    return { ok: false, info: { reason: 'throttled', retryAfterSec: decision.retryAfterSec, message: 'login.throttled', ...(decision.locked && { locked: true }) } };
  }

  const fail = async (): Promise<LoginOutcome> => {
    await deps.throttle.recordFailure(throttleKey);
    return { ok: false, info: { reason: 'invalid', message: 'login.invalid' } };
  };

  const account = username.length <= USERNAME_MAX_LENGTH ? await deps.accounts.findByUsername(username) : undefined;
  if (!account || account.status !== 'active') {
    await hasher.verifyDummy(attempt.password);
    return fail();
  }

  const now = deps.clock.now();
  let patch: Parameters<AccountRepo['update']>[1];
  if (account.mustChangePassword && account.initialSecretHash) {
    // Checking the secret is a fast hash; the dummy argon2 run makes it cost what a password check costs.
    await hasher.verifyDummy(attempt.password);
    if (!initialSecretValid(account, attempt.password, now)) return fail();
    patch = { lastLoginAt: now.toISOString() };
  } else if (account.passwordHash) {
    if (!(await hasher.verifyPassword(account.passwordHash, attempt.password))) return fail();
    patch = { lastLoginAt: now.toISOString() };
    // Raising the cost later upgrades each hash at its owner's next login.
    if (hasher.needsRehash(account.passwordHash)) patch.passwordHash = await hasher.hashPassword(attempt.password);
  } else {
    await hasher.verifyDummy(attempt.password);
    return fail();
  }

  await deps.accounts.update(account.id, patch);
  await deps.throttle.recordSuccess(throttleKey);
  return {
    ok: true,
    user: { accountId: account.id, guardianId: account.guardianId, scope: account.scope, firstLogin: account.mustChangePassword },
  };
}

/**
 * The passport strategy (name "local"). Fails with `{ reason: 'invalid', message }` or
 * `{ reason: 'throttled', retryAfterSec, message }`; passport-local itself fails with
 * `{ message: 'Missing credentials' }` and status 400 when a field is empty.
 */
export function createLocalStrategy(deps: LocalStrategyDeps): LocalStrategy {
  return new LocalStrategy({ passReqToCallback: true }, (req: Request, username, password, done) => {
    verifyParentLogin(deps, { username, password, ip: req.ip }).then(
      (outcome) => {
        if (outcome.ok) done(null, outcome.user);
        else done(null, false, outcome.info);
      },
      (err: unknown) => done(err),
    );
  });
}
