import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLowdbStore } from '../../gateway/store/lowdb/index.ts';
import type { LowdbStore } from '../../gateway/store/lowdb/index.ts';
import { runStoreSuite } from '../support/store-suite.ts';

const dirs: string[] = [];

async function openStore(dir: string): Promise<LowdbStore> {
  const store = createLowdbStore({ dir, flushDelayMs: 1 });
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
  cleanup: async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  },
});
