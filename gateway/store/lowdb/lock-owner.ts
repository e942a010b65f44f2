import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** Who holds a store lock: enough to tell a live holder from a dead one, and to tell a human. */
export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time the lock was taken (for the message only). */
  since: string;
  /** Linux: the kernel's boot id; a lock from before a reboot is stale. */
  bootId?: string;
  /** Linux: the process start time in clock ticks; tells a reused pid from the holder. */
  startTicks?: string;
}

export function currentOwner(now: Date): LockOwner {
  return {
    pid: process.pid,
    host: hostname(),
    since: now.toISOString(),
    bootId: readProc('/proc/sys/kernel/random/boot_id')?.trim(),
    startTicks: processStartTicks(process.pid),
  };
}

export function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (!Number.isInteger(value.pid) || typeof value.host !== 'string') return undefined;
    return value as LockOwner;
  } catch {
    return undefined;
  }
}

/**
 * Whether the holder is certainly gone. When in doubt (another host sharing the directory, a
 * process we may not signal), the answer is "alive": a wrongly broken lock means two writers.
 */
export function ownerIsDead(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false;
  const self = currentOwner(new Date());
  if (owner.bootId && self.bootId && owner.bootId !== self.bootId) return true;
  if (!pidIsAlive(owner.pid)) return true;
  const ticks = processStartTicks(owner.pid);
  return Boolean(owner.startTicks && ticks && owner.startTicks !== ticks);
}

export function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses. */
export function processStartTicks(pid: number): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return afterName[19];
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
