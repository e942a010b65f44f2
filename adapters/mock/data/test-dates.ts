/**
 * When tests are taken. A whole jaargroep takes a test on the same day, so the dates depend on
 * the jaargroep and the test, never on the pupil.
 */
import { schoolDaysBetween } from './calendar.ts';
import { parseSchoolYear, ymd } from './dates.ts';
import type { LvsMoment } from './lvs-norms.ts';
import { Prng } from './prng.ts';

/** A day in a school year: [0 for the autumn's calendar year or 1 for the next, month, day]. */
type YearPoint = readonly [0 | 1, number, number];

const LVS_WINDOWS: Record<LvsMoment, readonly [YearPoint, YearPoint]> = {
  M: [[1, 1, 19], [1, 2, 12]],
  E: [[1, 6, 1], [1, 6, 19]],
};
const DOORSTROOM_WINDOW: readonly [YearPoint, YearPoint] = [[1, 2, 1], [1, 2, 14]];
/** Method tests run from mid-September to the end of June. */
const TEACHING_WINDOW: readonly [YearPoint, YearPoint] = [[0, 9, 15], [1, 6, 30]];

const windows = new Map<string, readonly string[]>();

function schoolDaysIn(schoolYear: string, [from, to]: readonly [YearPoint, YearPoint]): readonly string[] {
  const key = `${schoolYear}:${from.join('-')}:${to.join('-')}`;
  let days = windows.get(key);
  if (!days) {
    const start = parseSchoolYear(schoolYear);
    days = schoolDaysBetween(schoolYear, ymd(start + from[0], from[1], from[2]), ymd(start + to[0], to[1], to[2]));
    windows.set(key, days);
  }
  return days;
}

const lvsOrders = new Map<string, readonly string[]>();

/** Each LVS subject of a moment on a different day of the window. */
export function lvsDate(seed: number, schoolYear: string, jaargroep: number, moment: LvsMoment, subjectIndex: number): string {
  const key = `${seed}:${schoolYear}:${jaargroep}:${moment}`;
  let order = lvsOrders.get(key);
  if (!order) {
    const days = schoolDaysIn(schoolYear, LVS_WINDOWS[moment]);
    order = new Prng(seed, `lvs-dates:${schoolYear}:${jaargroep}:${moment}`).shuffle([...days]);
    // Bounded: a handful of seeds in a test run, each with a few dozen orders.
    if (lvsOrders.size > 2000) lvsOrders.clear();
    lvsOrders.set(key, order);
  }
  return order[subjectIndex % order.length] as string;
}

export function doorstroomDate(seed: number, schoolYear: string): string {
  return new Prng(seed, `doorstroom-date:${schoolYear}`).pick(schoolDaysIn(schoolYear, DOORSTROOM_WINDOW));
}

/** Test `n` of `count` follows the chapters: near its share of the teaching year, a few days either way. */
export function methodTestDate(seed: number, schoolYear: string, jaargroep: number, subject: string, n: number, count: number): string {
  const days = schoolDaysIn(schoolYear, TEACHING_WINDOW);
  const prng = new Prng(seed, `method-dates:${schoolYear}:${jaargroep}:${subject}:${n}`);
  const centre = Math.round(((n - 0.5) / count) * (days.length - 1));
  const index = Math.min(days.length - 1, Math.max(0, centre + prng.int(-3, 3)));
  return days[index] as string;
}
