/**
 * Helpers for the auth unit tests: a cheap argon2id hasher (the production cost would make the
 * suite slow on a shared 2-core machine), an account builder, a hasher that counts its argon2
 * work, and a harness that runs a passport strategy's authenticate() to one outcome.
 */
import type { Strategy } from 'passport-strategy';
import { createPasswordHasher } from '../../../gateway/auth/password-hash.ts';
import type { PasswordHasher } from '../../../gateway/auth/password-hash.ts';
import type { Account } from '../../../gateway/store/types.ts';

export const CHEAP_ARGON2 = Object.freeze({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

export const cheapHasher = (): PasswordHasher => createPasswordHasher(CHEAP_ARGON2);

export interface CountingHasher extends PasswordHasher {
  /** argon2 verifications done so far, real or dummy. */
  readonly verifications: number;
}

export function countingHasher(inner: PasswordHasher = cheapHasher()): CountingHasher {
  let verifications = 0;
  return {
    params: inner.params,
    get verifications() {
      return verifications;
    },
    hashPassword: (pw) => inner.hashPassword(pw),
    needsRehash: (hash) => inner.needsRehash(hash),
    async verifyPassword(hash, pw) {
      verifications += 1;
      return inner.verifyPassword(hash, pw);
    },
    async verifyDummy(pw) {
      verifications += 1;
      return inner.verifyDummy(pw);
    },
  };
}

let seq = 0;

export function makeAccount(overrides: Partial<Account> = {}): Account {
  seq += 1;
  return {
    id: `acc-${seq}`,
    guardianId: `g-${seq}`,
    username: `ouder${seq}`,
    mustChangePassword: false,
    status: 'active',
    scope: 'full',
    email: `ouder${seq}@example.nl`,
    createdAt: '2026-01-05T08:00:00.000Z',
    updatedAt: '2026-01-05T08:00:00.000Z',
    ...overrides,
  };
}

export type StrategyOutcome =
  | { kind: 'success'; user: unknown; info: unknown }
  | { kind: 'fail'; challenge: unknown; status: number | undefined }
  | { kind: 'error'; err: unknown };

/**
 * Calls `strategy.authenticate(req)` on a derived object whose success/fail/error hooks resolve
 * the outcome, the way passport itself augments a strategy per request.
 */
export function runStrategy(strategy: Strategy, req: Record<string, unknown>): Promise<StrategyOutcome> {
  return new Promise((resolve) => {
    const s = Object.create(strategy) as {
      success(user: unknown, info?: unknown): void;
      fail(challenge?: unknown, status?: number): void;
      error(err: unknown): void;
      authenticate(req: unknown, options: object): void;
    };
    s.success = (user, info) => resolve({ kind: 'success', user, info });
    s.fail = (challenge, status) => resolve({ kind: 'fail', challenge, status });
    s.error = (err) => resolve({ kind: 'error', err });
    s.authenticate(req, {});
  });
}
