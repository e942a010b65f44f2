import { link, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { StoreError } from '../types.ts';
import { isErrno } from './durable-file.ts';
import { currentOwner, ownerIsDead, parseOwner, pidIsAlive } from './lock-owner.ts';
import type { LockOwner } from './lock-owner.ts';

export const LOCK_FILE = 'store.lock';
/** A process takes this only for the moment of removing a dead holder's lock. */
const BREAKER_STALE_MS = 10_000;

/** Lock paths held by stores in this process: our own pid in a lock file is only ours if listed. */
const heldHere = new Set<string>();

export interface DirLock {
  readonly path: string;
  release(): Promise<void>;
}

/**
 * One process per store directory. The lock file is created atomically with its content (written
 * to a temp file, then hard-linked into place, which fails if it exists), so it is never seen
 * half-written. A lock whose holder is dead (pid gone, pid reused, host rebooted, or our own pid
 * left by an earlier life of a container) is removed, under a short-lived breaker file so that two
 * newcomers cannot both remove locks and both win.
 */
export async function acquireDirLock(dir: string, now: Date): Promise<DirLock> {
  const path = join(resolve(dir), LOCK_FILE);
  if (heldHere.has(path)) throw lockedError(path, currentOwner(now), 'this process already has it open');
  // Claimed before the first await, so two stores of this process cannot race for one directory.
  heldHere.add(path);
  try {
    const content = JSON.stringify(currentOwner(now));
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (await createWithContent(path, content)) {
        await removeDeadTempFiles(dir);
        return { path, release: () => release(path, content) };
      }
      const existing = await readFile(path, 'utf8').catch((err: unknown) => {
        if (isErrno(err, 'ENOENT')) return undefined;
        throw err;
      });
      if (existing === undefined) continue;
      const owner = parseOwner(existing);
      // Unreadable content cannot come from a holder (it is linked into place whole): damage, so stale.
      if (owner && !ownerIsDead(owner) && !isEarlierLifeOfThisPid(owner)) throw lockedError(path, owner);
      await removeStaleLock(path, existing);
    }
    throw new StoreError('LOCKED', `Could not take the store lock ${path}: it keeps changing hands; try again`);
  } catch (err) {
    heldHere.delete(path);
    throw err;
  }
}

async function createWithContent(path: string, content: string): Promise<boolean> {
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, path);
    return true;
  } catch (err) {
    if (isErrno(err, 'EEXIST')) return false;
    throw err;
  } finally {
    await unlink(temp).catch(() => {});
  }
}

/** Containers restart with the same small pid: our pid in a lock we do not hold is a dead predecessor's. */
function isEarlierLifeOfThisPid(owner: LockOwner): boolean {
  return owner.pid === process.pid && owner.host === hostname();
}

async function removeStaleLock(path: string, staleContent: string): Promise<void> {
  const breaker = `${path}.break`;
  if (!(await createWithContent(breaker, String(process.pid)))) {
    const age = await stat(breaker).then((s) => Date.now() - s.mtimeMs, () => 0);
    // A breaker outlives its moment only when its process died in it.
    if (age > BREAKER_STALE_MS) await unlink(breaker).catch(() => {});
    else throw new StoreError('LOCKED', `Another process is taking over the store lock ${path}; try again`);
    return;
  }
  try {
    const current = await readFile(path, 'utf8').catch(() => undefined);
    // Remove only the very lock judged dead, never one a live process took meanwhile.
    if (current === staleContent) await unlink(path);
  } finally {
    await unlink(breaker).catch(() => {});
  }
}

/** Temp files of lock attempts by processes that died in the middle of one. */
async function removeDeadTempFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const pid = /^store\.lock(?:\.break)?\.(\d+)\.tmp$/.exec(name)?.[1];
    if (pid !== undefined && !pidIsAlive(Number(pid))) await unlink(join(dir, name)).catch(() => {});
  }
}

async function release(path: string, content: string): Promise<void> {
  heldHere.delete(path);
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current === content) await unlink(path);
}

function lockedError(path: string, owner: LockOwner, why?: string): StoreError {
  return new StoreError(
    'LOCKED',
    `The store is locked by process ${owner.pid} on ${owner.host} since ${owner.since}` +
      `${why ? ` (${why})` : ''}; lock file: ${path}. A lowdb store serves one gateway process: ` +
      'stop the other process, or use PostgreSQL to run several.',
  );
}
