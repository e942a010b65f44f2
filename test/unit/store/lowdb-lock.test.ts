import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createLowdbStore } from '../../../gateway/store/lowdb/index.ts';
import type { LowdbStore } from '../../../gateway/store/lowdb/index.ts';
import { processStartTicks } from '../../../gateway/store/lowdb/lock-owner.ts';
import type { LockOwner } from '../../../gateway/store/lowdb/lock-owner.ts';
import { isStoreError } from '../../../gateway/store/types.ts';
import { manualClock } from '../../support/clock.ts';
import { tempDirs } from './helpers.ts';

/** The pid of a process that has certainly ended. */
function deadPid(): number {
  const result = spawnSync('true');
  return result.pid!;
}

describe('lowdb store lock (one process per directory)', () => {
  const dirs = tempDirs();
  const opened: LowdbStore[] = [];
  const clock = manualClock('2025-09-01T08:00:00.000Z');

  async function open(dir: string): Promise<LowdbStore> {
    const store = createLowdbStore({ dir, clock });
    await store.open();
    opened.push(store);
    return store;
  }
  async function openError(dir: string): Promise<Error> {
    const err = await createLowdbStore({ dir }).open().then(() => undefined, (e: unknown) => e);
    expect(isStoreError(err, 'LOCKED'), `expected LOCKED, got ${String(err)}`).to.equal(true);
    return err as Error;
  }
  async function withLockFile(owner: Partial<LockOwner>): Promise<string> {
    const dir = await dirs.make();
    await mkdir(dir, { recursive: true });
    const full: LockOwner = { pid: process.pid, host: hostname(), since: '2025-08-31T07:00:00.000Z', ...owner };
    await writeFile(join(dir, 'store.lock'), JSON.stringify(full));
    return dir;
  }

  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await dirs.cleanup();
  });

  it('writes who holds it into store.lock and removes it on close', async () => {
    const dir = await dirs.make();
    const store = await open(dir);
    const owner = JSON.parse(await readFile(join(dir, 'store.lock'), 'utf8')) as LockOwner;
    expect(owner).to.include({ pid: process.pid, host: hostname(), since: '2025-09-01T08:00:00.000Z' });
    await store.close();
    expect(await readdir(dir)).to.not.include('store.lock');
  });

  it('refuses a second store on the same directory in this process', async () => {
    const dir = await dirs.make();
    await open(dir);
    const err = await openError(dir);
    expect(err.message).to.include(join(dir, 'store.lock')).and.include(`process ${process.pid}`);
  });

  it('lets only one of two stores opening one directory at once in this process win', async () => {
    const dir = await dirs.make();
    const stores = [createLowdbStore({ dir }), createLowdbStore({ dir })];
    const results = await Promise.allSettled(stores.map((store) => store.open()));
    expect(results.map((result) => result.status).sort()).to.deep.equal(['fulfilled', 'rejected']);
    const winner = stores[results.findIndex((result) => result.status === 'fulfilled')]!;
    opened.push(winner);
    const loser = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(isStoreError(loser.reason, 'LOCKED')).to.equal(true);
  });

  it('refuses while a live process of this host holds it', async () => {
    const dir = await withLockFile({ pid: process.ppid, startTicks: processStartTicks(process.ppid) });
    const err = await openError(dir);
    expect(err.message).to.include(`process ${process.ppid}`).and.include(join(dir, 'store.lock'));
  });

  it('refuses when the holder is on another host (it cannot be checked)', async () => {
    const dir = await withLockFile({ pid: deadPid(), host: 'another-host' });
    expect((await openError(dir)).message).to.include('another-host');
  });

  it('takes over the lock of a process that has ended', async () => {
    const pid = deadPid();
    const dir = await withLockFile({ pid });
    await open(dir);
    const owner = JSON.parse(await readFile(join(dir, 'store.lock'), 'utf8')) as LockOwner;
    expect(owner.pid).to.equal(process.pid);
  });

  it('takes over when the pid lives on in another process (start time differs)', async () => {
    const dir = await withLockFile({ pid: process.ppid, startTicks: '1' });
    await open(dir);
  });

  it('takes over a lock from before a reboot', async () => {
    const dir = await withLockFile({ pid: process.ppid, bootId: 'a-boot-long-ago' });
    await open(dir);
  });

  it('takes over a lock naming our own pid that no store here holds (a restarted container)', async () => {
    const dir = await withLockFile({ pid: process.pid });
    await open(dir);
  });

  it('takes over a lock file that is not ours to read', async () => {
    const dir = await dirs.make();
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'store.lock'), 'garbage');
    await open(dir);
  });

  it('opens again after close, in the same process', async () => {
    const dir = await dirs.make();
    const first = await open(dir);
    await first.collection('outbox').put({ id: 'm1' });
    await first.close();
    expect(await (await open(dir)).collection('outbox').get('m1')).to.deep.equal({ id: 'm1' });
  });
});
