/**
 * The school's help moment (config `portal.supportMoment`, e.g. 14 December 8.30–9.15) is shown on
 * the help page and in mails only until it is over: in March a parent must not be sent to a hall
 * in December.
 */
import { instantOfLocal } from '../policy/local-time.ts';

export interface SupportMomentTime {
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** Local time it ends, HH:MM. */
  to: string;
}

/** Whether the moment has ended at `now`, in the school's time zone. */
export function supportMomentPassed(moment: SupportMomentTime, now: Date, timeZone: string): boolean {
  return now.getTime() >= instantOfLocal(moment.date, moment.to, timeZone).getTime();
}

/** The moment when it is still to come (or going on), else undefined. */
export function upcomingSupportMoment<M extends SupportMomentTime>(moment: M | undefined, now: Date, timeZone: string): M | undefined {
  return moment && !supportMomentPassed(moment, now, timeZone) ? moment : undefined;
}
