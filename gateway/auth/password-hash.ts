/**
 * Password hashing with argon2id at OWASP's recommended cost (m = 19 MiB, t = 2, p = 1).
 * The argon2 binding runs on libuv's thread pool, so a login never blocks the event loop; at most
 * one fewer run than there are cores at once, so a login storm cannot starve it of CPU either.
 *
 * Passwords are NFKC-normalised before hashing (NIST SP 800-63B-4), matching password-policy.ts.
 */
import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';
import { createHashSlots, defaultHashConcurrency } from './hash-slots.ts';
import { normalizePassword } from './text-fold.ts';

export interface Argon2Params {
  /** KiB. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const OWASP_ARGON2ID: Readonly<Argon2Params> = Object.freeze({ memoryCost: 19456, timeCost: 2, parallelism: 1 });

/**
 * Hashes found in the store are trusted only this far: a corrupted or planted hash asking for
 * gigabytes of memory must not take the gateway down, it just fails to verify.
 */
const MAX_VERIFY_PARAMS: Readonly<Argon2Params> = Object.freeze({ memoryCost: 262144, timeCost: 10, parallelism: 8 });
/** Far above any password the policy allows; longer input is refused without hashing. */
export const MAX_PASSWORD_INPUT = 1024;

/** $argon2id$v=19$m=…,t=…,p=…$salt$hash, with the parameters in any order (versions of the binding differ). */
const PHC_ARGON2ID = /^\$argon2id\$v=(\d+)\$([a-z]=\d+(?:,[a-z]=\d+)*)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

function parseArgon2id(hash: string): (Argon2Params & { version: number }) | undefined {
  const match = typeof hash === 'string' ? PHC_ARGON2ID.exec(hash) : null;
  if (!match?.[2]) return undefined;
  const params = new Map(match[2].split(',').map((kv) => kv.split('=') as [string, string]));
  const memoryCost = Number(params.get('m'));
  const timeCost = Number(params.get('t'));
  const parallelism = Number(params.get('p'));
  if (params.size !== 3 || ![memoryCost, timeCost, parallelism].every((n) => Number.isSafeInteger(n) && n > 0)) return undefined;
  return { version: Number(match[1]), memoryCost, timeCost, parallelism };
}

export interface PasswordHasher {
  readonly params: Readonly<Argon2Params>;
  hashPassword(password: string): Promise<string>;
  /** False for a wrong password and for any hash it cannot or will not verify; never throws. */
  verifyPassword(hash: string, password: string): Promise<boolean>;
  /** True when the hash is not argon2id at the current params (rehash after a successful login). */
  needsRehash(hash: string): boolean;
  /**
   * Does the work of one verification against a hash at the current params and returns false,
   * so an unknown username costs the same time as a wrong password.
   */
  verifyDummy(password: string): Promise<false>;
}

/**
 * Tests pass lower-cost params to stay fast; production uses the default. `concurrency` caps the
 * argon2 runs at once (default: one fewer than the cores, at least one; see hash-slots.ts).
 */
export function createPasswordHasher(params: Argon2Params = OWASP_ARGON2ID, limits: { concurrency?: number } = {}): PasswordHasher {
  const frozen = Object.freeze({ ...params });
  const options = { type: argon2.argon2id, ...frozen } as const;
  const slots = createHashSlots(limits.concurrency ?? defaultHashConcurrency());
  // Created on first use and kept: the first unknown-user login must not pay for two hashes.
  let dummyHash: Promise<string> | undefined;

  const verifyPassword = async (hash: string, password: string): Promise<boolean> => {
    if (typeof hash !== 'string' || typeof password !== 'string') return false;
    if (password.length > MAX_PASSWORD_INPUT) return false;
    const parsed = parseArgon2id(hash);
    if (!parsed) return false;
    if (parsed.memoryCost > MAX_VERIFY_PARAMS.memoryCost || parsed.timeCost > MAX_VERIFY_PARAMS.timeCost
      || parsed.parallelism > MAX_VERIFY_PARAMS.parallelism) return false;
    try {
      return await slots.run(() => argon2.verify(hash, normalizePassword(password)));
    } catch {
      return false;
    }
  };

  return {
    params: frozen,
    hashPassword: (password) => slots.run(() => argon2.hash(normalizePassword(password), options)),
    verifyPassword,
    needsRehash(hash) {
      const parsed = parseArgon2id(hash);
      return !parsed || parsed.version !== 0x13 || parsed.memoryCost !== frozen.memoryCost
        || parsed.timeCost !== frozen.timeCost || parsed.parallelism !== frozen.parallelism;
    },
    async verifyDummy(password) {
      // Over-long input is refused without hashing for real accounts too, so the same here.
      if (typeof password !== 'string' || password.length > MAX_PASSWORD_INPUT) return false;
      dummyHash ??= slots.run(() => argon2.hash(randomBytes(32).toString('base64url'), options)).catch((err: unknown) => {
        dummyHash = undefined;
        throw err;
      });
      await verifyPassword(await dummyHash, password);
      return false;
    },
  };
}

const defaultHasher = createPasswordHasher();

export const hashPassword = (password: string): Promise<string> => defaultHasher.hashPassword(password);
export const verifyPassword = (hash: string, password: string): Promise<boolean> => defaultHasher.verifyPassword(hash, password);
export const needsRehash = (hash: string): boolean => defaultHasher.needsRehash(hash);
export const verifyDummy = (password: string): Promise<false> => defaultHasher.verifyDummy(password);
export { defaultHasher };
