import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Clock } from '../../../adapters/contract/adapter.ts';
import { deepFreeze } from '../tables/table-hooks.ts';
import { StoreError } from '../types.ts';
import type { StoreKindHealth, StoreWriteFailure } from '../types.ts';
import type { StoreLogger } from './store-logger.ts';
import { CoalescingWriter } from './coalescing-writer.ts';
import type { DurableFs } from './durable-file.ts';
import { KindFileAdapter } from './kind-file-adapter.ts';

/** What a kind file persists: a table that can be filled from records and copied out as records. */
export interface PersistedTable {
  load(records: never[]): void;
  snapshot(): unknown[];
}

export interface KindFileOptions {
  delayMs: number;
  clock: Clock;
  logger?: StoreLogger;
  fs?: DurableFs;
  /** First retry (probe) delay after a failed write; doubles per failure up to a minute. */
  retryDelayMs?: number;
}

/**
 * One kind's file: a lowdb `Low` over a durable adapter, written through a coalescing writer.
 * The table is the truth in memory; `low.data` is set to its snapshot just before each write.
 *
 * A failed write (disk full, read-only, …) must not leave memory ahead of the disk: the table is
 * rolled back to the snapshot last written, and until a write succeeds again every change to the
 * kind is refused (UNAVAILABLE) and flush() rejects. The writer keeps retrying in the background
 * (the probe), writing the rolled-back state; the first success ends the failure.
 */
export class KindFile {
  readonly file: string;
  readonly writer: CoalescingWriter;
  readonly #low: Low<unknown[]>;
  readonly #clock: Clock;
  readonly #logger: StoreLogger | undefined;
  /** The records as the file holds them: loaded, or the snapshot last written successfully. */
  #durable: unknown[] = [];
  #failing = false;
  #lastError: StoreWriteFailure | undefined;
  #lastWriteAt: string | undefined;

  constructor(dir: string, readonly kind: string, private readonly table: () => PersistedTable, options: KindFileOptions) {
    this.file = join(dir, `${kind}.json`);
    this.#clock = options.clock;
    this.#logger = options.logger;
    this.#low = new Low<unknown[]>(new KindFileAdapter<unknown>(this.file, kind, options.logger, options.fs), []);
    this.writer = new CoalescingWriter({
      delayMs: options.delayMs,
      ...(options.retryDelayMs !== undefined && { retryDelayMs: options.retryDelayMs }),
      write: () => this.#write(),
      // #write logged it already, with the file and the reason.
      onError: () => {},
    });
  }

  /** Fills the table from the file (empty when there is none yet). */
  async load(): Promise<void> {
    this.#low.data = [];
    await this.#low.read();
    try {
      // Frozen like every record stored later (toStored, tables/table-hooks.ts): tables replace
      // records, never change them.
      this.table().load(deepFreeze(this.#low.data) as never[]);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new StoreError('CORRUPT', `Store file ${this.file} holds records that break the store's rules: ${why}`, { cause: err });
    }
    this.#durable = this.#low.data;
  }

  /** Throws UNAVAILABLE while this kind's writes fail: a change now could not be kept. */
  assertWritable(): void {
    if (this.#failing) throw this.#unavailable();
  }

  /** Resolves once the table as it is now is on disk; rejects while the kind's writes fail. */
  flush(): Promise<void> {
    if (this.#failing) return Promise.reject(this.#unavailable());
    return this.writer.flush().catch((err: unknown) => {
      throw this.#unavailable(err);
    });
  }

  /** Writes now, failing or not (close() gives a failing kind this last chance). */
  retryNow(): Promise<void> {
    return this.writer.flush();
  }

  health(): StoreKindHealth {
    return {
      kind: this.kind,
      failing: this.#failing,
      ...(this.#lastError && { lastError: { ...this.#lastError } }),
      ...(this.#lastWriteAt !== undefined && { lastWriteAt: this.#lastWriteAt }),
    };
  }

  /** True once the kind was written or failed since open: worth a line in health(). */
  get reported(): boolean {
    return this.#lastWriteAt !== undefined || this.#lastError !== undefined;
  }

  async #write(): Promise<void> {
    const snapshot = this.table().snapshot();
    this.#low.data = snapshot;
    try {
      await this.#low.write();
    } catch (err) {
      this.#failed(err);
      throw err;
    }
    this.#durable = snapshot;
    this.#lastWriteAt = this.#clock.now().toISOString();
    if (this.#failing) {
      this.#failing = false;
      this.#logger?.warn({ file: this.file, kind: this.kind, since: this.#lastError?.since }, 'store file written again; changes are accepted');
    }
  }

  #failed(err: unknown): void {
    const at = this.#clock.now().toISOString();
    const reason = reasonOf(err);
    if (this.#failing) {
      this.#lastError = { reason, since: this.#lastError?.since ?? at, at };
      this.#logger?.warn({ err, file: this.file, kind: this.kind, reason }, 'store file still cannot be written');
      return;
    }
    this.#failing = true;
    this.#lastError = { reason, since: at, at };
    // Memory goes back to what the file holds: nobody may be told "saved" for what is not.
    this.table().load(this.#durable as never[]);
    this.#logger?.error(
      { err, file: this.file, kind: this.kind, reason },
      'store file write failed: its changes since the last good write are rolled back, and changes are refused until it can be written again',
    );
  }

  #unavailable(cause?: unknown): StoreError {
    return new StoreError(
      'UNAVAILABLE', `The store cannot write ${this.kind} now (${this.#lastError?.reason ?? 'EIO'}); nothing was changed`,
      cause === undefined ? undefined : { cause },
    );
  }
}

/** The system error code (ENOSPC, EROFS, …): what health() may show, without the path in the message. */
function reasonOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,31}$/.test(code) ? code : 'EIO';
}
