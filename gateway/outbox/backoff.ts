/**
 * When to try again: exponential backoff with full jitter (a random wait between 0 and the cap of
 * this attempt), so a hundred items that failed together do not all come back together; never
 * sooner than the receiver's Retry-After.
 */
export interface BackoffPolicy {
  /** The cap of the first retry's wait, in ms. */
  baseMs: number;
  /** The largest wait, in ms. */
  maxMs: number;
  /** After this many failed attempts the item is parked for an operator. */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 60 * 60_000, maxAttempts: 12 };

/**
 * The wait after `attempts` failed attempts (1 = the first failed). `random` returns [0, 1)
 * (injected so tests are exact). The jittered wait never drops below a tenth of its cap, so a
 * retry storm against a receiver that just came back stays spread out but never spins.
 */
export function retryDelayMs(attempts: number, policy: BackoffPolicy, random: () => number, retryAfterMs?: number): number {
  const exponent = Math.max(0, attempts - 1);
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 30));
  const jittered = Math.round(cap * (0.1 + 0.9 * random()));
  return Math.max(jittered, retryAfterMs ?? 0);
}
