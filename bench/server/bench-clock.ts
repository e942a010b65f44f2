/**
 * A clock that runs in real time from a chosen instant and can jump: the bench server starts the
 * evening before results open, then jumps past local midnight so the scheduler sees the opening.
 */
import type { Clock } from '../../adapters/contract/index.ts';

export interface JumpingClock extends Clock {
  jumpTo(iso: string): void;
}

export function jumpingClock(startIso: string): JumpingClock {
  let offset = Date.parse(startIso) - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    jumpTo(iso) {
      offset = Date.parse(iso) - Date.now();
    },
  };
}
