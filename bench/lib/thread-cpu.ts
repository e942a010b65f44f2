/**
 * The calling thread's time on a core and waiting for one, from Linux's per-thread scheduler
 * statistics (/proc/thread-self/schedstat, nanoseconds). On a shared 2-core machine with a load
 * of 10–20, an event-loop gap is mostly the thread waiting for a core; the time it spent on a core
 * within the gap is the part our code held the loop for. Undefined where the file does not exist.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface ThreadTime {
  onCpuMs: number;
  waitingMs: number;
}

export interface ThreadClock {
  read(): ThreadTime;
  close(): void;
}

export function threadClock(): ThreadClock | undefined {
  let fd: number;
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return undefined;
  }
  const buf = Buffer.alloc(128);
  return {
    read() {
      // pread at 0: the kernel writes the numbers afresh on each read.
      const n = readSync(fd, buf, 0, buf.length, 0);
      const [run, wait] = buf.toString('latin1', 0, n).trim().split(/\s+/).map(Number);
      return { onCpuMs: (run ?? 0) / 1e6, waitingMs: (wait ?? 0) / 1e6 };
    },
    close: () => closeSync(fd),
  };
}
