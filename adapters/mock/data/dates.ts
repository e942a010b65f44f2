/**
 * Local dates (`YYYY-MM-DD`) as plain strings. Arithmetic runs on UTC midnights so that no time
 * zone or DST change can shift a school day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return toIso(d) === value;
}

export function toDate(iso: string): Date {
  if (!isIsoDate(iso)) throw new RangeError(`Not an ISO local date: ${iso}`);
  return new Date(`${iso}T00:00:00Z`);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function toIso(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

export function ymd(year: number, month: number, day: number): string {
  return toIso(new Date(Date.UTC(year, month - 1, day)));
}

export function addDays(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return toDate(iso).getUTCDay();
}

export function isWeekend(iso: string): boolean {
  const day = weekday(iso);
  return day === 0 || day === 6;
}

/** The Monday of the week (Monday–Sunday) that holds `iso`. */
export function mondayOf(iso: string): string {
  return addDays(iso, -((weekday(iso) + 6) % 7));
}

/** Every date from `from` to `to`, both inclusive. */
export function* eachDate(from: string, to: string): Generator<string> {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}

/** A school year written "2026-2027", as its start year. */
export function parseSchoolYear(schoolYear: string): number {
  const m = /^(\d{4})-(\d{4})$/.exec(schoolYear);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) throw new RangeError(`Not a school year: ${schoolYear}`);
  return Number(m[1]);
}

export function schoolYearLabel(startYear: number): string {
  return `${startYear}-${startYear + 1}`;
}

/** School years run 1 August – 31 July. */
export function schoolYearBounds(schoolYear: string): { first: string; last: string } {
  const start = parseSchoolYear(schoolYear);
  return { first: ymd(start, 8, 1), last: ymd(start + 1, 7, 31) };
}

/** Plain code-unit order: ISO dates and our ids sort correctly, and it is far cheaper than localeCompare. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
