/** The school's delivery window for notifications: local wall-clock times in school.timezone. */
import { localDateTimeOf } from '../policy/local-time.ts';

export interface DeliveryWindow {
  /** "HH:MM", inclusive. */
  from: string;
  /** "HH:MM", exclusive. */
  to: string;
}

export function isInWindow(now: Date, window: DeliveryWindow, timeZone: string): boolean {
  const time = localDateTimeOf(now, timeZone).slice(11, 16);
  return time >= window.from && time < window.to;
}
