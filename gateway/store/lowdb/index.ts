/**
 * The lowdb store: the default, for one gateway process serving one school.
 *
 * Layout: one directory (mode 0700), one compact JSON file per kind (mode 0600):
 *   accounts.json  sessions.json  cache.json  audit.json  <collection>.json (outbox.json, jobRuns.json, …)
 *   store.lock     the pid, host and start time of the process holding the store
 * Split by kind because lowdb rewrites a whole file on every write: the hot cache and sessions must
 * not drag the accounts and the audit log along.
 *
 * Durability: the data lives in memory (with indexes, so reads never scan a file) and each kind
 * file is replaced atomically: temp file in the same directory, fsync, rename, fsync of the
 * directory. A crash at any moment leaves the previous or the next version, never a mix; temp
 * files of interrupted writes are removed on open. Writes are coalesced per file: mutations within
 * `flushDelayMs` (default 25 ms) or during a write share one write, so up to that window of
 * changes can be lost in a crash; `flush()` resolves once everything so far is on disk. A file
 * that is not valid JSON stops the open with CORRUPT naming the file: starting empty would lose
 * every account.
 *
 * One process only: lowdb has one writer. `open()` takes store.lock and refuses a second process
 * (LOCKED, naming the holder's pid and the lock file). A lock left by a process that died is
 * recognised (pid gone or reused, host rebooted) and taken over. Several gateway instances need
 * the PostgreSQL store.
 */
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Clock } from '../../../adapters/contract/adapter.ts';
import { createTables } from '../tables/tables.ts';
import { COLLECTION_NAME, RESERVED_KINDS, StoreError } from '../types.ts';
import type { DocumentRepo, Store } from '../types.ts';
import { acquireDirLock } from './dir-lock.ts';
import type { DirLock } from './dir-lock.ts';
import { ensurePrivateDir, removeDataTempFiles } from './durable-file.ts';
import { KindFile } from './kind-file.ts';
import type { PersistedTable } from './kind-file.ts';
import type { StoreLogger } from './store-logger.ts';

export type { StoreLogger } from './store-logger.ts';

export interface LowdbStoreOptions {
  /** The store directory, e.g. var/store; created (0700) when missing. */
  dir: string;
  /** Stamps the lock file; defaults to the system clock. */
  clock?: Clock;
  logger?: StoreLogger;
  /** How long changes gather before one write per file; default 25 ms. */
  flushDelayMs?: number;
}

export interface LowdbStore extends Store {
  readonly kind: 'lowdb';
  /** The absolute store directory. */
  readonly dir: string;
  /** The collections the store holds (a file each), for moving a store (gateway/store/move.ts). */
  collectionNames(): Promise<string[]>;
}

export function createLowdbStore(options: LowdbStoreOptions): LowdbStore {
  const dir = resolve(options.dir);
  const clock = options.clock ?? { now: () => new Date() };
  const { logger } = options;
  let state: 'closed' | 'open' | 'closing' = 'closed';
  let lock: DirLock | undefined;
  let transitions: Promise<void> = Promise.resolve();
  const files = new Map<string, KindFile>();

  const tables = createTables((kind) => ({
    assertOpen() {
      if (state !== 'open') throw new StoreError('CLOSED', `The store at ${dir} is ${state}`);
    },
    changed() {
      fileOf(kind).writer.markDirty();
    },
  }));

  function tableOf(kind: string): PersistedTable {
    switch (kind) {
      case 'accounts': return tables.accounts;
      case 'sessions': return tables.sessions;
      case 'cache': return tables.cache;
      case 'audit': return tables.audit;
      default: return tables.collection(kind);
    }
  }

  function fileOf(kind: string): KindFile {
    let file = files.get(kind);
    if (!file) {
      file = new KindFile(dir, kind, () => tableOf(kind), { delayMs: options.flushDelayMs ?? 25, logger });
      files.set(kind, file);
    }
    return file;
  }

  async function flushAll(): Promise<void> {
    const results = await Promise.allSettled([...files.values()].map((file) => file.writer.flush()));
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async function doOpen(): Promise<void> {
    await ensurePrivateDir(dir);
    const held = await acquireDirLock(dir, clock.now());
    try {
      const removed = await removeDataTempFiles(dir);
      if (removed.length > 0) logger?.warn({ dir, files: removed }, 'removed temp files of interrupted writes');
      const kinds = new Set([...RESERVED_KINDS, ...tables.collections().keys(), ...(await collectionFiles(dir))]);
      for (const kind of kinds) await fileOf(kind).load();
    } catch (err) {
      await held.release();
      throw err;
    }
    lock = held;
    state = 'open';
  }

  async function doClose(): Promise<void> {
    state = 'closing';
    try {
      await flushAll();
    } catch (err) {
      // Still open: the data is only in memory, and the caller may retry.
      state = 'open';
      throw err;
    }
    state = 'closed';
    await lock?.release();
    lock = undefined;
  }

  /** Open and close never overlap: each waits for the other to finish. */
  function serialise(step: () => Promise<void>): Promise<void> {
    const next = transitions.then(step);
    transitions = next.catch(() => {});
    return next;
  }

  return {
    kind: 'lowdb',
    dir,
    accounts: tables.accounts,
    sessions: tables.sessions,
    cache: tables.cache,
    audit: tables.audit,
    collection<T extends { id: string }>(name: string): DocumentRepo<T> {
      return tables.collection(name) as unknown as DocumentRepo<T>;
    },
    async collectionNames() {
      if (state !== 'open') throw new StoreError('CLOSED', `The store at ${dir} is ${state}`);
      return [...tables.collections().keys()];
    },
    open: () => serialise(async () => {
      if (state === 'closed') await doOpen();
    }),
    flush: flushAll,
    close: () => serialise(async () => {
      if (state === 'open') await doClose();
    }),
  };
}

/** Collections that have a file; anything else in the directory is not ours to read. */
async function collectionFiles(dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(dir)) {
    const name = entry.endsWith('.json') ? entry.slice(0, -'.json'.length) : undefined;
    if (name && COLLECTION_NAME.test(name) && !RESERVED_KINDS.includes(name.toLowerCase())) names.push(name);
  }
  return names;
}
