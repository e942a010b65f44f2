/**
 * How often one account may fetch its own copy (page, print or download): a copy reads all of a
 * family's data, so a stolen session or a script cannot pull it in a loop. A sliding window per
 * account, in memory (one gateway; a restart forgets, which only lets a parent in sooner).
 */
import type { Clock } from '../../adapters/contract/index.ts';

export interface CopyLimit {
  /** Undefined when allowed; otherwise the seconds until the next copy. */
  take(accountId: string): number | undefined;
}

export function createCopyLimit(clock: Clock, options: { max: number; windowMs: number } = { max: 10, windowMs: 3_600_000 }): CopyLimit {
  const taken = new Map<string, number[]>();
  return {
    take(accountId) {
      const now = clock.now().getTime();
      const recent = (taken.get(accountId) ?? []).filter((at) => at > now - options.windowMs);
      if (recent.length >= options.max) {
        taken.set(accountId, recent);
        return Math.max(1, Math.ceil((recent[0]! + options.windowMs - now) / 1000));
      }
      recent.push(now);
      taken.set(accountId, recent);
      return undefined;
    },
  };
}
