/**
 * Local dates and times in the calendar's time zone, without a date library: an instant becomes
 * a local date string through Intl, and a local date or time becomes an instant by reading the
 * zone's offset at that moment (twice, because the offset at the guess may differ from the offset
 * at the answer on a DST changeover day). Local dates compare as strings ("YYYY-MM-DD").
 */

export const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock { year: number; month: number; day: number; hour: number; minute: number; second: number }

function wallClock(instant: Date, timeZone: string): WallClock {
  const out: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return {
    year: out.year ?? NaN, month: out.month ?? NaN, day: out.day ?? NaN,
    hour: out.hour ?? NaN, minute: out.minute ?? NaN, second: out.second ?? NaN,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** True for a name Intl knows as a time zone (e.g. "Europe/Amsterdam"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** True for "YYYY-MM-DD" naming a real day (no 31 April, 29 February only in leap years). */
export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** True for "YYYY-MM-DDTHH:mm" on a real day with a real time of day. */
export function isLocalDateTime(value: string): boolean {
  const m = LOCAL_DATE_TIME.exec(value);
  return m !== null && isLocalDate(value.slice(0, 10)) && Number(m[4]) < 24 && Number(m[5]) < 60;
}

function wallDate(ms: number, timeZone: string): string {
  const w = wallClock(new Date(ms), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/**
 * The local day asked for last, per time zone, and once asked twice in a row the instants it spans:
 * every page asks for today (a limited account's grant, the child's sections), and reading the
 * wall clock through Intl took several % of the gateway's CPU (bench/README.md). A day is kept only
 * when its bounds check out (its first and last millisecond are that date, the next one is not).
 */
interface LastDay { date: string; bounded: boolean; from?: number; to?: number }
const lastDay = new Map<string, LastDay>();

function rememberDay(date: string, timeZone: string): LastDay {
  const from = startOfLocalDate(date, timeZone).getTime();
  const to = startOfLocalDate(addDays(date, 1), timeZone).getTime();
  const exact = wallDate(from, timeZone) === date && wallDate(to - 1, timeZone) === date && wallDate(to, timeZone) !== date;
  return exact ? { date, bounded: true, from, to } : { date, bounded: true };
}

/** The local date ("YYYY-MM-DD") an instant falls on in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  const last = lastDay.get(timeZone);
  if (last?.from !== undefined && last.to !== undefined && ms >= last.from && ms < last.to) return last.date;
  const date = wallDate(ms, timeZone);
  // Twice the same day: today, asked again and again. Another day each time (a list of dates): nothing kept.
  if (last?.date !== date) lastDay.set(timeZone, { date, bounded: false });
  else if (!last.bounded && !Number.isNaN(ms)) lastDay.set(timeZone, rememberDay(date, timeZone));
  return date;
}

/** The local wall-clock time ("YYYY-MM-DDTHH:mm") of an instant in `timeZone`. */
export function localDateTimeOf(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** How far the zone's wall clock is ahead of UTC at `ms`, in ms (whole seconds). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(new Date(ms), timeZone);
  const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallMs - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The instant the zone's wall clock reads `date` at `hh:mm`. A time skipped by a DST jump
 * (02:30 on the spring changeover day) moves forward by the jump; a time that occurs twice
 * takes the later one. Local midnight exists once in Europe/Amsterdam on every day.
 */
export function instantOfLocal(date: string, time: string, timeZone: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wallMs = Date.UTC(y, mo - 1, d, hh, mm);
  const first = wallMs - offsetAt(wallMs, timeZone);
  const second = wallMs - offsetAt(first, timeZone);
  return new Date(second);
}

/**
 * How many times the zone's wall clock reads `dateTime` ("YYYY-MM-DDTHH:mm"): 1 normally, 0 for a
 * time skipped when the clocks go forward, 2 for one that happens twice when they go back.
 */
export function occurrencesOfLocal(dateTime: string, timeZone: string): number {
  const [y, mo, d] = dateTime.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [hh, mm] = dateTime.slice(11, 16).split(':').map(Number) as [number, number];
  const wallMs = Date.UTC(y, mo - 1, d, hh, mm);
  let count = 0;
  // Every UTC offset in use is a multiple of 15 minutes between -12 and +14 hours.
  for (let offset = -12 * 60; offset <= 14 * 60; offset += 15) {
    if (localDateTimeOf(new Date(wallMs - offset * 60_000), timeZone) === dateTime) count += 1;
  }
  return count;
}

/** The instant a local day begins: 00:00 local time on `date`. */
export function startOfLocalDate(date: string, timeZone: string): Date {
  return instantOfLocal(date, '00:00', timeZone);
}

/** The instant of a local "YYYY-MM-DDTHH:mm". */
export function instantOfLocalDateTime(dateTime: string, timeZone: string): Date {
  return instantOfLocal(dateTime.slice(0, 10), dateTime.slice(11, 16), timeZone);
}

/** `date` moved by `days` calendar days (negative: back). */
export function addDays(date: string, days: number): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const moved = new Date(Date.UTC(y, mo - 1, d + days));
  return moved.toISOString().slice(0, 10);
}
