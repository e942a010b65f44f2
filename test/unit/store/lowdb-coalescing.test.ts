import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLowdbStore } from '../../../gateway/store/lowdb/index.ts';
import type { LowdbStore } from '../../../gateway/store/lowdb/index.ts';
import { logSink, tempDirs } from './helpers.ts';

describe('lowdb store write coalescing', () => {
  const dirs = tempDirs();
  let store: LowdbStore | undefined;
  let sink: ReturnType<typeof logSink>;

  async function openStore(): Promise<{ store: LowdbStore; dir: string }> {
    const dir = await dirs.make();
    sink = logSink();
    store = createLowdbStore({ dir, logger: sink.logger });
    await store.open();
    return { store, dir };
  }
  const writesOf = (file: string): number =>
    sink.lines.filter((line) => line.msg === 'store file written' && line.obj.file === file).length;

  afterEach(async () => {
    await store?.close();
    store = undefined;
    await dirs.cleanup();
  });

  it('turns 1000 mutations in one tick into one write of that kind file only', async () => {
    const { store, dir } = await openStore();
    const outbox = store.collection<{ id: string; n: number }>('outbox');
    await Promise.all(Array.from({ length: 1000 }, (_, n) => outbox.put({ id: `m${n}`, n })));
    await store.flush();
    expect(writesOf(join(dir, 'outbox.json'))).to.be.within(1, 2);
    expect(writesOf(join(dir, 'accounts.json'))).to.equal(0);
    expect(JSON.parse(await readFile(join(dir, 'outbox.json'), 'utf8')).records).to.have.length(1000);
  });

  it('folds mutations made while a write is in flight into one more write', async () => {
    const { store, dir } = await openStore();
    const cache = store.cache;
    await cache.set({ key: 'first', kind: 'student', value: 0, storedAt: '2025-09-01T08:00:00.000Z' });
    const inFlight = store.flush();
    for (let n = 0; n < 1000; n += 1) {
      await cache.set({ key: `k${n}`, kind: 'student', studentId: `s${n % 7}`, value: n, storedAt: '2025-09-01T08:00:00.000Z' });
    }
    await inFlight;
    await store.flush();
    expect(writesOf(join(dir, 'cache.json'))).to.be.within(1, 3);
    expect(JSON.parse(await readFile(join(dir, 'cache.json'), 'utf8')).records).to.have.length(1001);
  });
});
