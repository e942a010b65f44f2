/**
 * A StoreLogger for the bench's lowdb store that counts the coalesced file writes per kind (the
 * store logs each at debug) and passes warnings and errors on to the gateway's logger.
 */
import { basename } from 'node:path';
import type { StoreLogger } from '../../gateway/store/lowdb/index.ts';

export interface StoreWriteCounter extends StoreLogger {
  /** Writes per kind file since the last reset, with the bytes of the last one. */
  writes(): Record<string, { count: number; lastBytes: number }>;
  reset(): void;
}

export function storeWriteCounter(next: Pick<StoreLogger, 'warn' | 'error'>): StoreWriteCounter {
  let counts: Record<string, { count: number; lastBytes: number }> = {};
  return {
    debug(obj, msg) {
      if (msg !== 'store file written' || typeof obj !== 'object') return;
      const { file, bytes } = obj as { file?: string; bytes?: number };
      const kind = basename(String(file), '.json');
      const entry = (counts[kind] ??= { count: 0, lastBytes: 0 });
      entry.count += 1;
      entry.lastBytes = bytes ?? 0;
    },
    warn: (obj, msg) => next.warn(obj, msg),
    error: (obj, msg) => next.error(obj, msg),
    writes: () => structuredClone(counts),
    reset() {
      counts = {};
    },
  };
}
