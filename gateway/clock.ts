/** The real clock. Everything that reads the time takes a Clock, so tests can inject their own. */
import type { Clock } from '../adapters/contract/index.ts';

export type { Clock };

export const systemClock: Clock = Object.freeze({
  now: () => new Date(),
});

/** A clock that starts at `startAt` and runs on in real time: the demo shows a chosen school day. */
export function shiftedClock(startAt: Date, base: Clock = systemClock): Clock {
  const offset = startAt.getTime() - base.now().getTime();
  return Object.freeze({ now: () => new Date(base.now().getTime() + offset) });
}
