/** Whether a page must say its data may be outdated, and how old the oldest such data is. */
import type { Served } from '../../sis/types.ts';

export interface Staleness {
  ageMs: number;
}

/** Only data served stale *because the SIS is down* earns the banner; a routine refresh does not. */
export function stalenessOf(...served: Array<Served<unknown> | undefined>): Staleness | undefined {
  let oldest: number | undefined;
  for (const s of served) {
    if (s && s.stale && s.sisDown) oldest = Math.max(oldest ?? 0, s.ageMs);
  }
  return oldest === undefined ? undefined : { ageMs: oldest };
}
