/**
 * The cache-first core of the SisService (DESIGN §6), independent of which record it reads:
 * fresh → cache; stale → cache now, refresh in the background; missing → one coalesced SIS call.
 *
 * Not-found answers are never cached: a pupil who left must disappear, not linger for a TTL.
 * A not-found also drops whatever was cached for that key.
 */
import type { AdapterLogger, Clock } from '../../adapters/contract/index.ts';
import { isSisError } from '../../adapters/contract/index.ts';
import type { CacheEntry, CacheRepo } from '../store/types.ts';
import { SisDataUnavailableError } from './errors.ts';
import type { RecordKind, Served } from './types.ts';

export type SisServiceLogger = Pick<AdapterLogger, 'debug' | 'warn'>;

export interface ReadThroughOptions {
  cache: CacheRepo;
  clock: Clock;
  logger: SisServiceLogger;
  ttl: Record<RecordKind, number>;
  staleMaxAgeMs: number;
  /** After a failed refresh, background refreshes of that key wait at least this long. */
  refreshRetryMs: number;
  /**
   * How long a read of a stale record waits for its refresh (default 100 ms): an answer by then is
   * served fresh; otherwise the stale record is served marked `sisDown`, so the very page that
   * served it says it may not be up to date (not only the pages after the refresh failed).
   */
  refreshWaitMs?: number;
  /** Told the outcome of every page read (hit, stale, miss, expired): the cache metrics. */
  onRead?: (kind: RecordKind, outcome: CacheReadOutcome) => void;
}

export type CacheReadOutcome = 'hit' | 'stale' | 'miss' | 'expired';
const READ_OUTCOMES: ReadonlySet<string> = new Set<CacheReadOutcome>(['hit', 'stale', 'miss', 'expired']);

export interface RecordRequest<T> {
  key: string;
  kind: RecordKind;
  /** The pupil the record belongs to, so forget(studentId) finds it. */
  studentId?: string;
  /** The guardian a guardian's own record belongs to, so the retention purge finds it. */
  guardianId?: string;
  fetch: () => Promise<T>;
}

interface Flight {
  promise: Promise<CacheEntry>;
  studentId?: string;
  /** Set by forget(): the answer still reaches its waiters but is not stored. */
  discard: boolean;
}

interface Failure {
  studentId?: string;
  /** Epoch ms before which no background refresh is tried. */
  retryAt: number;
}

export function createReadThrough(options: ReadThroughOptions) {
  const { cache, clock, logger, ttl, staleMaxAgeMs, refreshRetryMs } = options;
  const inFlight = new Map<string, Flight>();
  // Keys whose last SIS call failed; kept in memory only: after a restart the next refresh finds out again.
  const failures = new Map<string, Failure>();

  const log = (kind: RecordKind, outcome: string, err?: unknown) => {
    if (options.onRead && READ_OUTCOMES.has(outcome)) options.onRead(kind, outcome as CacheReadOutcome);
    const fields: Record<string, unknown> = { kind, outcome };
    if (err !== undefined) fields.code = isSisError(err) ? err.code : 'UNEXPECTED';
    if (outcome === 'refresh-failed' || outcome === 'fetch-failed' || outcome === 'store-failed') {
      logger.warn(fields, 'sis cache');
    } else {
      logger.debug(fields, 'sis cache');
    }
  };

  async function readCache(kind: RecordKind, key: string): Promise<CacheEntry | undefined> {
    try {
      // Pages only read what they are served: the store's own frozen entry, not a copy per view.
      return await (cache.peek ? cache.peek(key) : cache.get(key));
    } catch (err) {
      // The cache only saves SIS calls; a broken cache must not take the pages down with it.
      log(kind, 'store-failed', err);
      return undefined;
    }
  }

  async function writeCache(entry: CacheEntry): Promise<void> {
    try {
      await cache.set(entry);
    } catch (err) {
      log(entry.kind as RecordKind, 'store-failed', err);
    }
  }

  async function dropCache(kind: RecordKind, key: string): Promise<void> {
    try {
      await cache.delete(key);
    } catch (err) {
      log(kind, 'store-failed', err);
    }
  }

  async function call<T>(request: RecordRequest<T>, flight: Flight): Promise<CacheEntry> {
    const { key, kind, studentId, guardianId } = request;
    try {
      const value = await request.fetch();
      const entry: CacheEntry = { key, kind, value, storedAt: clock.now().toISOString() };
      if (studentId !== undefined) entry.studentId = studentId;
      if (guardianId !== undefined) entry.guardianId = guardianId;
      failures.delete(key);
      if (!flight.discard) await writeCache(entry);
      return entry;
    } catch (err) {
      if (isSisError(err, 'SIS_NOT_FOUND')) {
        failures.delete(key);
        await dropCache(kind, key);
      } else if (!flight.discard) {
        const waitMs = Math.max(refreshRetryMs, isSisError(err) && err.retryAfter ? err.retryAfter * 1000 : 0);
        failures.set(key, { studentId, retryAt: clock.now().getTime() + waitMs });
      }
      throw err;
    }
  }

  /** Calls the SIS for a key, or joins the call already running for it. */
  function fetchOnce<T>(request: RecordRequest<T>): Promise<CacheEntry> {
    const running = inFlight.get(request.key);
    if (running) return running.promise;
    const flight = { studentId: request.studentId, discard: false } as Flight;
    inFlight.set(request.key, flight);
    flight.promise = call(request, flight).finally(() => {
      if (inFlight.get(request.key) === flight) inFlight.delete(request.key);
    });
    return flight.promise;
  }

  /** The refresh running for the key (joined or started), or undefined while a failure defers it. */
  function refreshInBackground<T>(request: RecordRequest<T>, now: Date): Promise<CacheEntry> | undefined {
    const running = inFlight.get(request.key);
    if (running) return running.promise;
    const failure = failures.get(request.key);
    if (failure && failure.retryAt > now.getTime()) {
      log(request.kind, 'refresh-deferred');
      return undefined;
    }
    const flight = fetchOnce(request);
    flight.then(
      () => log(request.kind, 'refreshed'),
      (err: unknown) => log(request.kind, 'refresh-failed', err),
    );
    return flight;
  }

  /** The refreshed entry if it comes within refreshWaitMs; undefined when it fails or is late. */
  async function briefly(flight: Promise<CacheEntry> | undefined): Promise<CacheEntry | undefined> {
    if (!flight) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), options.refreshWaitMs ?? 100);
    });
    try {
      return await Promise.race([flight.catch(() => undefined), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  function serve<T>(entry: CacheEntry, now: Date, stale: boolean, sisDown: boolean): Served<T> {
    const fetchedAt = new Date(entry.storedAt);
    return { value: entry.value as T, fetchedAt, ageMs: Math.max(0, now.getTime() - fetchedAt.getTime()), stale, sisDown };
  }

  return {
    async read<T>(request: RecordRequest<T>): Promise<Served<T>> {
      const { key, kind } = request;
      const cached = await readCache(kind, key);
      const now = clock.now();
      if (cached) {
        const ageMs = now.getTime() - Date.parse(cached.storedAt);
        if (ageMs <= ttl[kind]) {
          log(kind, 'hit');
          return serve<T>(cached, now, false, false);
        }
        if (ageMs <= staleMaxAgeMs) {
          log(kind, 'stale');
          const fresh = await briefly(refreshInBackground(request, now));
          if (fresh) return serve<T>(fresh, clock.now(), false, false);
          // Not refreshed: failed, deferred after a failure, or not answered in time.
          return serve<T>(cached, now, true, true);
        }
      }
      log(kind, cached ? 'expired' : 'miss');
      try {
        const entry = await fetchOnce(request);
        return serve<T>(entry, clock.now(), false, false);
      } catch (err) {
        if (isSisError(err, 'SIS_NOT_FOUND')) throw err;
        log(kind, 'fetch-failed', err);
        throw new SisDataUnavailableError(kind, err);
      }
    },

    /** Fetches from the SIS regardless of age and stores; joins a call already running for the key. */
    async refresh<T>(request: RecordRequest<T>): Promise<T> {
      const entry = await fetchOnce(request);
      log(request.kind, 'warmed');
      return entry.value as T;
    },

    /** Forgets in-memory state of a pupil; calls still running for them will not store their answer. */
    forgetStudent(studentId: string): void {
      for (const flight of inFlight.values()) if (flight.studentId === studentId) flight.discard = true;
      for (const [key, failure] of failures) if (failure.studentId === studentId) failures.delete(key);
    },
  };
}

export type ReadThrough = ReturnType<typeof createReadThrough>;
