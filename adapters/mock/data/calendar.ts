/**
 * The demo school's calendar: which days are school days. Holidays follow simple rules rather
 * than a table so that any configured school year works; they resemble the Dutch "regio midden".
 */
import {
  addDays, eachDate, isWeekend, mondayOf, parseSchoolYear, weekday, ymd,
} from './dates.ts';

interface Holiday {
  name: string;
  from: string;
  to: string;
}

/** The last Monday of August: the first school day after the summer. */
function firstSchoolDay(startYear: number): string {
  const aug31 = ymd(startYear, 8, 31);
  return addDays(aug31, -((weekday(aug31) + 6) % 7));
}

/** The Friday before the third Monday of July: the last school day before the summer. */
function lastSchoolDay(endYear: number): string {
  const jul1 = ymd(endYear, 7, 1);
  const firstMonday = addDays(jul1, (8 - weekday(jul1)) % 7);
  return addDays(firstMonday, 14 - 3);
}

function weekHolding(name: string, iso: string, weeks = 1): Holiday {
  const monday = mondayOf(iso);
  return { name, from: monday, to: addDays(monday, 7 * weeks - 3) };
}

export function holidays(schoolYear: string): Holiday[] {
  const start = parseSchoolYear(schoolYear);
  return [
    weekHolding('herfstvakantie', ymd(start, 10, 21)),
    weekHolding('kerstvakantie', ymd(start, 12, 24), 2),
    weekHolding('voorjaarsvakantie', ymd(start + 1, 2, 20)),
    weekHolding('meivakantie', ymd(start + 1, 4, 27)),
  ];
}

const schoolDayCache = new Map<string, readonly string[]>();

/** Weekdays between the summer holidays, minus the other holidays, in order. */
export function schoolDays(schoolYear: string): readonly string[] {
  const cached = schoolDayCache.get(schoolYear);
  if (cached) return cached;
  const start = parseSchoolYear(schoolYear);
  const breaks = holidays(schoolYear);
  const days: string[] = [];
  for (const d of eachDate(firstSchoolDay(start), lastSchoolDay(start + 1))) {
    if (isWeekend(d)) continue;
    if (breaks.some((h) => d >= h.from && d <= h.to)) continue;
    days.push(d);
  }
  const frozen = Object.freeze(days);
  schoolDayCache.set(schoolYear, frozen);
  return frozen;
}

const breakEveCache = new Map<string, readonly string[]>();

/** The last school day before each break (herfst-, kerst-, voorjaars- and meivakantie). */
export function daysBeforeBreaks(schoolYear: string): readonly string[] {
  let eves = breakEveCache.get(schoolYear);
  if (!eves) {
    const days = schoolDays(schoolYear);
    eves = Object.freeze(days.filter((d, i) => i + 1 < days.length && (days[i + 1] as string) > addDays(d, 3)));
    breakEveCache.set(schoolYear, eves);
  }
  return eves;
}

/** School days of `schoolYear` between two dates, both inclusive. */
export function schoolDaysBetween(schoolYear: string, from: string, to: string): string[] {
  return schoolDays(schoolYear).filter((d) => d >= from && d <= to);
}
