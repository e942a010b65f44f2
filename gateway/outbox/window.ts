/**
 * A delivery window: an outbox item that may only go out between two local wall-clock times
 * (a parent's notification between 16:00 and 20:00, not at 08:15 at the classroom door). The
 * window travels with the item, so the worker holds it back whenever it becomes due — also a retry
 * after a failed attempt at 19:59 — and never needs to know which feature queued it.
 */
import { addDays, instantOfLocal, localDateTimeOf } from '../policy/local-time.ts';

export interface DeliveryWindow {
  /** "HH:MM", inclusive. */
  from: string;
  /** "HH:MM", exclusive; after `from` (a window does not span midnight). */
  to: string;
  /** An IANA zone, e.g. "Europe/Amsterdam": the times are its wall-clock times. */
  timeZone: string;
}

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Throws a TypeError on a window the worker could not honour. */
export function assertDeliveryWindow(window: DeliveryWindow): void {
  if (!CLOCK_TIME.test(window.from) || !CLOCK_TIME.test(window.to) || window.from >= window.to) {
    throw new TypeError(`not a delivery window: ${JSON.stringify({ from: window.from, to: window.to })}`);
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: window.timeZone });
  } catch {
    throw new TypeError(`not a time zone: ${JSON.stringify(window.timeZone)}`);
  }
}

export function isInDeliveryWindow(now: Date, window: DeliveryWindow): boolean {
  const time = localDateTimeOf(now, window.timeZone).slice(11, 16);
  return time >= window.from && time < window.to;
}

/**
 * The first instant at or after `now` inside the window: `now` itself when it is inside, else
 * today's opening if it is still ahead, else tomorrow's (local days, so also across DST).
 */
export function nextWindowOpening(now: Date, window: DeliveryWindow): Date {
  if (isInDeliveryWindow(now, window)) return now;
  const today = localDateTimeOf(now, window.timeZone).slice(0, 10);
  const opening = instantOfLocal(today, window.from, window.timeZone);
  return opening.getTime() > now.getTime() ? opening : instantOfLocal(addDays(today, 1), window.from, window.timeZone);
}
