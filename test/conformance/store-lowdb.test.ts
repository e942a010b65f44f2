import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLowdbStore } from '../../gateway/store/lowdb/index.ts';
import type { LowdbStore } from '../../gateway/store/lowdb/index.ts';
import type { Store } from '../../gateway/store/types.ts';
import { failingFs, type FailingFs } from '../support/failing-fs.ts';
import { runStoreSuite } from '../support/store-suite.ts';

const dirs: string[] = [];
/** Each store's file system, so the suite's write-failure group can break it. */
const fileSystems = new WeakMap<Store, FailingFs>();

async function openStore(dir: string): Promise<LowdbStore> {
  const fs = failingFs();
  const store = createLowdbStore({ dir, flushDelayMs: 1, retryDelayMs: 5, fs });
  fileSystems.set(store, fs);
  await store.open();
  return store;
}

runStoreSuite({ describe, it, beforeEach, afterEach }, {
  name: 'lowdb',
  make: async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ouderpoort-store-'));
    dirs.push(dir);
    return openStore(join(dir, 'store'));
  },
  reopen: async (previous) => openStore((previous as LowdbStore).dir),
  faults: {
    fail: (store, kind, reason) => fileSystems.get(store)!.fail(kind, reason),
    heal: (store) => fileSystems.get(store)?.heal(),
  },
  cleanup: async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  },
});
