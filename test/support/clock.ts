/**
 * Clocks for tests: time stands still until the test moves it, so no test ever sleeps to wait
 * for a date.
 */
import type { Clock } from '../../adapters/contract/index.ts';

export interface ManualClock extends Clock {
  /** Jumps to an instant (ISO 8601). */
  set(iso: string): void;
  /** Moves forward (or back, with a negative number) by milliseconds. */
  advance(ms: number): void;
}

function parseInstant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new TypeError(`not an ISO 8601 instant: ${JSON.stringify(iso)}`);
  return ms;
}

export function manualClock(iso: string): ManualClock {
  let current = parseInstant(iso);
  return {
    // A fresh Date each time, so a caller mutating it cannot move the clock.
    now: () => new Date(current),
    set(next) {
      current = parseInstant(next);
    },
    advance(ms) {
      if (!Number.isFinite(ms)) throw new TypeError(`advance needs a finite number of ms, got ${ms}`);
      current += ms;
    },
  };
}

/** The same clock under the name that reads better in tests that never move time. */
export const fixedClock = manualClock;
