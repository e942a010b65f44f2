/**
 * The short memo behind PgCache.peek(): per instance, key → the entry as last read, deeply frozen,
 * so the pages' view-model memos (keyed by object identity) hit on PostgreSQL as they do on lowdb.
 *
 * Several instances share the database and nobody tells this one of another's writes, so an entry
 * is only trusted for `ttlMs`: another instance's set or delete shows within that bound. This
 * instance's own writes drop what they touch at once (PgCache calls forget*). Bounded: the least
 * recently used entry goes first. Only the SIS record cache uses it; sessions and accounts are
 * never memoised (a logout or a disabled account must count at once on every instance).
 */
import { deepFreeze } from '../tables/table-hooks.ts';
import type { CacheEntry } from '../types.ts';

/** Another instance's cache write is seen within this (the staleness bound of CacheRepo.peek). */
export const PEEK_MEMO_TTL_MS = 2_000;
/** Enough for the records of the pages being viewed at a busy moment; each is a few KB. */
export const PEEK_MEMO_CAPACITY = 4_096;

export interface PeekMemoOptions {
  ttlMs?: number;
  capacity?: number;
  /**
   * Milliseconds on a monotonic clock; default performance.now(). Real time, not the app's clock:
   * the bound is about when another process wrote, which a test's frozen clock must not stretch.
   */
  now?: () => number;
}

interface Held {
  entry: CacheEntry;
  until: number;
}

export class PeekMemo {
  readonly #held = new Map<string, Held>();
  readonly #ttlMs: number;
  readonly #capacity: number;
  readonly #now: () => number;
  /** Raised by every forget: a read that began before it may hold what was just written over. */
  #epoch = 0;

  constructor(options: PeekMemoOptions = {}) {
    this.#ttlMs = options.ttlMs ?? PEEK_MEMO_TTL_MS;
    this.#capacity = options.capacity ?? PEEK_MEMO_CAPACITY;
    this.#now = options.now ?? (() => performance.now());
  }

  get size(): number {
    return this.#held.size;
  }

  /** The entry while it is fresh (and now the most recently used); undefined otherwise. */
  get(key: string): CacheEntry | undefined {
    const held = this.#held.get(key);
    if (!held) return undefined;
    this.#held.delete(key);
    if (held.until <= this.#now()) return undefined;
    this.#held.set(key, held);
    return held.entry;
  }

  /** Taken before a read of the database; remember() keeps the row only if nothing was forgotten since. */
  get epoch(): number {
    return this.#epoch;
  }

  /** Freezes the row read and keeps it, unless a write of this instance ran while it was read. */
  remember(key: string, entry: CacheEntry, epochAtRead: number): CacheEntry {
    const frozen = deepFreeze(entry);
    if (epochAtRead !== this.#epoch || this.#ttlMs <= 0) return frozen;
    this.#held.delete(key);
    this.#held.set(key, { entry: frozen, until: this.#now() + this.#ttlMs });
    while (this.#held.size > this.#capacity) this.#held.delete(this.#held.keys().next().value!);
    return frozen;
  }

  forget(key: string): void {
    this.#epoch += 1;
    this.#held.delete(key);
  }

  /**
   * Drops everything: after a delete by pupil or guardian, or a purge. Those are rare (a pupil
   * leaves, the nightly retention run), and whichever rows they hit, nothing held can be among them.
   */
  forgetAll(): void {
    this.#epoch += 1;
    this.#held.clear();
  }
}
