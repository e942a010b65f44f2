/**
 * Recovery codes: ten single-use codes shown once at enrolment, for a lost phone. Each has the
 * invitation's initial-secret format (about 121 bits), so the store keeps only a fast SHA-256 of
 * each (see ../secrets.ts for why that is right at this entropy); a used one is removed.
 */
import { canonicalInitialSecret, generateInitialSecret, hashInitialSecret, verifyInitialSecret } from '../secrets.ts';

export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => generateInitialSecret());
  return { codes, hashes: codes.map((c) => hashInitialSecret(c)) };
}

/** Looks like a recovery code rather than a 6-digit TOTP code. */
export function looksLikeRecoveryCode(typed: string): boolean {
  return canonicalInitialSecret(typed).length >= 20;
}

/** The hashes left once `typed` is spent, or undefined when it matches none. */
export function spendRecoveryCode(hashes: readonly string[], typed: string): string[] | undefined {
  const index = hashes.findIndex((h) => verifyInitialSecret(typed, h));
  if (index < 0) return undefined;
  return hashes.filter((_h, i) => i !== index);
}
