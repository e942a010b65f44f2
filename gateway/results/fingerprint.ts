/**
 * A digest of a JSON value's content, for keying what is derived from it: one fingerprint, the
 * same data. Keying on the data itself — not on whose page it is — means a memo can never hand
 * one parent what was built from another parent's data.
 *
 * The cache hands out its stored records frozen and shared (CacheRepo.peek), so a frozen value is
 * digested once and remembered by identity; anything else (a fresh SIS answer) is digested anew.
 */
import { createHash } from 'node:crypto';

const remembered = new WeakMap<object, string>();

export function fingerprint(value: object): string {
  const known = remembered.get(value);
  if (known !== undefined) return known;
  const digest = createHash('sha256').update(JSON.stringify(value)).digest('base64url');
  if (isDeepFrozen(value)) remembered.set(value, digest);
  return digest;
}

/** True when nothing in it can change any more; a check, far cheaper than the digest it saves. */
function isDeepFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (!Object.isFrozen(value)) return false;
  for (const child of Object.values(value)) if (!isDeepFrozen(child)) return false;
  return true;
}
