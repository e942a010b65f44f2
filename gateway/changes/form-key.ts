/**
 * Form keys: each rendered correction form carries a random key; the request's id is derived from
 * the account and that key, so a double click, a reload of the answer or back-and-resubmit all land
 * on the same request. The key is namespaced by the account: one parent's key means nothing to
 * another's requests.
 */
import { createHash, randomBytes } from 'node:crypto';

const FORM_KEY = /^[A-Za-z0-9_-]{22,64}$/;
/** Crockford's base32 without I, L, O, U: a reference read over the phone is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newFormKey(): string {
  return randomBytes(18).toString('base64url');
}

export function isFormKey(value: unknown): value is string {
  return typeof value === 'string' && FORM_KEY.test(value);
}

/** The request id for this account's form key (hex SHA-256). */
export function requestIdFor(accountId: string, formKey: string): string {
  return createHash('sha256').update(`change-request\0${accountId}\0${formKey}`).digest('hex');
}

/** "WZ-7K3Q-9F2M": 40 bits of the id in base32, for parents and the administration (other prefixes for other requests). */
export function referenceFor(requestId: string, prefix = 'WZ'): string {
  let bits = BigInt(`0x${requestId.slice(0, 10)}`);
  let out = '';
  for (let i = 0; i < 8; i += 1) {
    out = ALPHABET[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return `${prefix}-${out.slice(0, 4)}-${out.slice(4)}`;
}

/** The outbox item id (delivery key) of a request; the SIS sees it as the idempotency key. */
export function deliveryKeyFor(requestId: string): string {
  return `change-${requestId}`;
}
