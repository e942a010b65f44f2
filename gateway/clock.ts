/** The real clock. Everything that reads the time takes a Clock, so tests can inject their own. */
import type { Clock } from '../adapters/contract/index.ts';

export type { Clock };

export const systemClock: Clock = Object.freeze({
  now: () => new Date(),
});
