/**
 * Where login-throttle counters live. In memory for one gateway process; a PostgreSQL-backed
 * implementation (later) lets several instances share the limits — `increment` maps to one
 * `INSERT … ON CONFLICT DO UPDATE … RETURNING`, so it must be atomic per key.
 *
 * Every counter expires, so neither a stream of invented usernames nor a botnet's addresses can
 * grow the state without bound, and no counter outlives its purpose.
 */

export interface ThrottleCounter {
  count: number;
  /** Epoch ms of the first failure counted. */
  firstAt: number;
  /** Epoch ms of the latest failure counted. */
  lastAt: number;
  /** Epoch ms after which the counter is gone. */
  expiresAt: number;
}

export interface CounterExpiry {
  ttlMs: number;
  /** sliding: each increment pushes expiry to now + ttl. fixed: expiry stays firstAt + ttl (a window). */
  mode: 'sliding' | 'fixed';
}

export interface ThrottleState {
  /** The live counter, or undefined when there is none or it has expired. */
  get(key: string, now: Date): Promise<ThrottleCounter | undefined>;
  set(key: string, counter: ThrottleCounter): Promise<void>;
  /** Adds one to the counter, starting a fresh one (count 1) when none is live; returns the result. */
  increment(key: string, now: Date, expiry: CounterExpiry): Promise<ThrottleCounter>;
  delete(key: string): Promise<void>;
  /** Drops every expired counter; returns how many. */
  purgeExpired(now: Date): Promise<number>;
}

export interface MemoryThrottleState extends ThrottleState {
  /** Counters held, live or not yet swept. */
  readonly size: number;
}

export interface MemoryThrottleStateOptions {
  /** Hard cap; the least recently touched counters go first. */
  maxEntries?: number;
  /** Expired counters are swept during writes at most this often. */
  sweepIntervalMs?: number;
}

export function createMemoryThrottleState(options: MemoryThrottleStateOptions = {}): MemoryThrottleState {
  const maxEntries = options.maxEntries ?? 100_000;
  const sweepIntervalMs = options.sweepIntervalMs ?? 60_000;
  if (!(maxEntries >= 1)) throw new RangeError(`maxEntries must be >= 1, got ${maxEntries}`);
  // Map order is insertion order; re-inserting on every write keeps it least-recently-touched first.
  const counters = new Map<string, ThrottleCounter>();
  let lastSweep = Number.NEGATIVE_INFINITY;

  const purge = (nowMs: number): number => {
    let removed = 0;
    for (const [key, counter] of counters) {
      if (counter.expiresAt <= nowMs) {
        counters.delete(key);
        removed += 1;
      }
    }
    lastSweep = nowMs;
    return removed;
  };

  /** `nowMs` is given where the caller knows the time, and lets the write sweep expired counters. */
  const store = (key: string, counter: ThrottleCounter, nowMs?: number): void => {
    if (nowMs !== undefined && nowMs - lastSweep >= sweepIntervalMs) purge(nowMs);
    counters.delete(key);
    counters.set(key, { ...counter });
    while (counters.size > maxEntries) {
      const oldest = counters.keys().next().value as string;
      counters.delete(oldest);
    }
  };

  const live = (key: string, nowMs: number): ThrottleCounter | undefined => {
    const counter = counters.get(key);
    if (!counter) return undefined;
    if (counter.expiresAt <= nowMs) {
      counters.delete(key);
      return undefined;
    }
    return counter;
  };

  return {
    get size() {
      return counters.size;
    },
    async get(key, now) {
      const counter = live(key, now.getTime());
      return counter && { ...counter };
    },
    async set(key, counter) {
      store(key, counter);
    },
    async increment(key, now, expiry) {
      const nowMs = now.getTime();
      const current = live(key, nowMs);
      const firstAt = current?.firstAt ?? nowMs;
      const next: ThrottleCounter = {
        count: (current?.count ?? 0) + 1,
        firstAt,
        lastAt: nowMs,
        expiresAt: (expiry.mode === 'sliding' ? nowMs : firstAt) + expiry.ttlMs,
      };
      store(key, next, nowMs);
      return { ...next };
    },
    async delete(key) {
      counters.delete(key);
    },
    async purgeExpired(now) {
      return purge(now.getTime());
    },
  };
}
