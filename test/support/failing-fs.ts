/**
 * A file system for the lowdb store whose writes of chosen kinds fail as a full (ENOSPC) or
 * read-only (EROFS) disk would: the temp file of such a write cannot be created. Everything else
 * goes to node:fs.
 */
import { basename } from 'node:path';
import { nodeFs, type DurableFs } from '../../gateway/store/lowdb/durable-file.ts';

const MESSAGES = { ENOSPC: 'no space left on device', EROFS: 'read-only file system' } as const;

export interface FailingFs extends DurableFs {
  fail(kind: string, reason: keyof typeof MESSAGES): void;
  heal(): void;
  /** Writes refused so far. */
  readonly refused: number;
}

export function failingFs(): FailingFs {
  const failing = new Map<string, keyof typeof MESSAGES>();
  let refused = 0;
  const fs: FailingFs = {
    ...nodeFs,
    open: (async (path: Parameters<DurableFs['open']>[0], ...rest: unknown[]) => {
      const name = basename(String(path));
      for (const [kind, reason] of failing) {
        if (name.startsWith(`.${kind}.json.`)) {
          refused += 1;
          const err = new Error(`${reason}: ${MESSAGES[reason]}, open '${String(path)}'`) as NodeJS.ErrnoException;
          err.code = reason;
          err.path = String(path);
          throw err;
        }
      }
      return (nodeFs.open as (...args: unknown[]) => ReturnType<DurableFs['open']>)(path, ...rest);
    }) as DurableFs['open'],
    fail: (kind, reason) => void failing.set(kind, reason),
    heal: () => failing.clear(),
    get refused() {
      return refused;
    },
  };
  return fs;
}
