import { join } from 'node:path';
import { Low } from 'lowdb';
import { deepFreeze } from '../tables/table-hooks.ts';
import { StoreError } from '../types.ts';
import type { StoreLogger } from './store-logger.ts';
import { CoalescingWriter } from './coalescing-writer.ts';
import { KindFileAdapter } from './kind-file-adapter.ts';

/** What a kind file persists: a table that can be filled from records and copied out as records. */
export interface PersistedTable {
  load(records: never[]): void;
  snapshot(): unknown[];
}

/**
 * One kind's file: a lowdb `Low` over a durable adapter, written through a coalescing writer.
 * The table is the truth in memory; `low.data` is set to its snapshot just before each write.
 */
export class KindFile {
  readonly file: string;
  readonly writer: CoalescingWriter;
  readonly #low: Low<unknown[]>;

  constructor(dir: string, readonly kind: string, private readonly table: () => PersistedTable, options: {
    delayMs: number;
    logger?: StoreLogger;
  }) {
    this.file = join(dir, `${kind}.json`);
    this.#low = new Low<unknown[]>(new KindFileAdapter<unknown>(this.file, kind, options.logger), []);
    this.writer = new CoalescingWriter({
      delayMs: options.delayMs,
      write: async () => {
        this.#low.data = this.table().snapshot();
        await this.#low.write();
      },
      onError: (err) => options.logger?.error({ err, file: this.file }, 'store file write failed; will retry'),
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
  }
}
