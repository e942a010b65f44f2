/**
 * How the PostgreSQL store's writes are going, per kind (accounts, sessions, cache, audit,
 * counters, each collection), for health(): the last failure and the last good write, as the
 * lowdb store reports them (lowdb/kind-file.ts), so /beheer/status names the kind that cannot be
 * written and why.
 *
 * Unlike lowdb nothing is refused afterwards: every write goes to the database anew, so a kind is
 * `failing` only while its latest write failed, and the next good one ends that. A refusal that is
 * the store's answer to the caller (a StoreError: DUPLICATE, INVALID, CLOSED, NOT_FOUND) is not a
 * failure of the store.
 */
import type { Clock } from '../../../adapters/contract/adapter.ts';
import { isStoreError } from '../types.ts';
import type { StoreHealth, StoreKindHealth, StoreWriteFailure } from '../types.ts';

/** SQLSTATEs that mean what the status page already says for a file (types.ts StoreWriteFailure). */
const SQLSTATE_REASONS: Record<string, string> = {
  '42501': 'EACCES', // insufficient_privilege
  '53100': 'ENOSPC', // disk_full
  '25006': 'EROFS', // read_only_sql_transaction
};

interface KindState {
  failing: boolean;
  lastError?: StoreWriteFailure;
  lastWriteAt?: string;
}

export class WriteHealth {
  readonly #kinds = new Map<string, KindState>();

  constructor(private readonly clock: Clock) {}

  /** Passes the write's outcome through unchanged, noting it for `kind`. */
  record<T>(kind: string, write: Promise<T>): Promise<T> {
    return write.then(
      (result) => {
        this.#succeeded(kind);
        return result;
      },
      (err: unknown) => {
        if (!isStoreError(err)) this.#failed(kind, err);
        throw err;
      },
    );
  }

  report(): StoreHealth {
    const kinds: StoreKindHealth[] = [...this.#kinds].sort(([a], [b]) => a.localeCompare(b)).map(([kind, s]) => ({
      kind,
      failing: s.failing,
      ...(s.lastError && { lastError: { ...s.lastError } }),
      ...(s.lastWriteAt !== undefined && { lastWriteAt: s.lastWriteAt }),
    }));
    // Always ok: the database is shared, so taking this instance out of the balancer (/readyz)
    // would help nobody, and with nothing refused there is no failure for a probe to end.
    return { ok: true, kinds };
  }

  #state(kind: string): KindState {
    let state = this.#kinds.get(kind);
    if (!state) {
      state = { failing: false };
      this.#kinds.set(kind, state);
    }
    return state;
  }

  #succeeded(kind: string): void {
    const state = this.#state(kind);
    state.failing = false;
    state.lastWriteAt = this.clock.now().toISOString();
  }

  #failed(kind: string, err: unknown): void {
    const state = this.#state(kind);
    const at = this.clock.now().toISOString();
    const since = state.failing && state.lastError ? state.lastError.since : at;
    state.failing = true;
    state.lastError = { reason: reasonOf(err), since, at };
  }
}

/**
 * A short code for the page, never the message (which may hold values): the SQLSTATE (or what it
 * means for a disk), or a connection error's code (ECONNREFUSED, ETIMEDOUT); EIO otherwise.
 */
export function reasonOf(err: unknown): string {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z][0-9A-Z_]{1,31}$/.test(code)) return 'EIO';
  return SQLSTATE_REASONS[code] ?? code;
}
