/**
 * At most `limit` argon2 runs at once; the rest wait their turn in arrival order.
 *
 * argon2 runs on libuv's thread pool (four threads by default), so a login storm keeps four
 * threads busy with memory-hard work. On a two-core server those four threads starve the event
 * loop of CPU: every page, not only the logins, then waits hundreds of milliseconds (bench/README.md,
 * "Opening day"). Leaving one core to the event loop keeps pages fast; logins queue instead, as
 * they would on the thread pool anyway.
 */
import { availableParallelism } from 'node:os';

export interface HashSlots {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Runs in progress and runs waiting, for tests and diagnostics. */
  readonly active: number;
  readonly waiting: number;
}

/** One core for the event loop, the rest for hashing; at least one. */
export function defaultHashConcurrency(): number {
  return Math.max(1, availableParallelism() - 1);
}

export function createHashSlots(limit: number = defaultHashConcurrency()): HashSlots {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`hash concurrency must be a whole number >= 1, not ${limit}`);
  let active = 0;
  const queue: Array<() => void> = [];

  const release = () => {
    const next = queue.shift();
    if (next) next();
    else active -= 1;
  };

  return {
    async run(work) {
      if (active < limit) active += 1;
      // The slot is handed over directly by release(), so `active` stays counted while a waiter starts.
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await work();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
