/**
 * School days from the school's holidays (config `school.holidays`): a weekday outside every
 * holiday. Absence reports are taken for school days only, the morning cut-off holds on school
 * days, and leave is counted in school days (the head decides up to 10).
 */
import { addDays, instantOfLocal } from '../policy/local-time.ts';

export interface SchoolHoliday {
  name: { nl: string; en: string };
  /** First and last day, inclusive local dates. */
  from: string;
  to: string;
}

export interface SchoolDays {
  isSchoolDay(date: string): boolean;
  /** The holiday `date` falls in, if any. */
  holidayOn(date: string): SchoolHoliday | undefined;
  /** The school days from `from` to `to`, inclusive, in order. */
  between(from: string, to: string): string[];
  /** The first school day after `date`. */
  next(date: string): string;
  /** True once the local time on `date` has reached `cutoff` ("HH:MM") at instant `now`. */
  pastCutoff(now: Date, date: string, cutoff: string): boolean;
}

/** The longest stretch `between` walks: a typo in a year must not spin for ever. */
const MAX_SPAN_DAYS = 400;

function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function createSchoolDays(holidays: readonly SchoolHoliday[], timeZone: string): SchoolDays {
  const holidayOn = (date: string) => holidays.find((h) => h.from <= date && date <= h.to);
  const isSchoolDay = (date: string) => {
    const day = weekday(date);
    return day !== 0 && day !== 6 && holidayOn(date) === undefined;
  };
  return {
    isSchoolDay,
    holidayOn,
    between(from, to) {
      const days: string[] = [];
      for (let date = from, n = 0; date <= to && n < MAX_SPAN_DAYS; date = addDays(date, 1), n += 1) {
        if (isSchoolDay(date)) days.push(date);
      }
      return days;
    },
    next(date) {
      let next = addDays(date, 1);
      for (let n = 0; !isSchoolDay(next) && n < MAX_SPAN_DAYS; n += 1) next = addDays(next, 1);
      return next;
    },
    pastCutoff: (now, date, cutoff) => now.getTime() >= instantOfLocal(date, cutoff, timeZone).getTime(),
  };
}
