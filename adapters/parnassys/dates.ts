/**
 * Local dates in Europe/Amsterdam, the school year by the 1 August boundary, and the date forms
 * a SOAP service may send (xs:date with or without an offset, xs:dateTime).
 */
import type { Clock } from '../contract/index.ts';

const amsterdamDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit',
});

/** The Amsterdam local date (YYYY-MM-DD) of an instant. */
export function localDate(instant: Date): string {
  return amsterdamDate.format(instant);
}

export function today(clock: Clock): string {
  return localDate(clock.now());
}

/** The school year (1 August – 31 July) a local date falls in, written the ParnasSys way: "2026 / 2027". */
export function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '08-01' ? year : year - 1;
  return `${start} / ${start + 1}`;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const XS_DATE = /^(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?$/;
const XS_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
const DUTCH_DATE = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;

export type ParsedDate = { ok: true; date?: string } | { ok: false };

/**
 * A SIS date as an ISO local date. Empty means unknown (`{ ok: true }` without a date); a value
 * we cannot read is `{ ok: false }`, so the caller can tell "no date" from "a date we misread".
 * An xs:date's own offset names the day it means; an xs:dateTime with a zone is an instant,
 * so its Amsterdam date is the one meant (midnight CEST is 22:00Z the day before).
 */
export function parseSisDate(raw: string | undefined): ParsedDate {
  const value = raw?.trim() ?? '';
  if (value === '') return { ok: true };
  let y: number;
  let m: number;
  let d: number;
  const date = XS_DATE.exec(value);
  const dateTime = XS_DATE_TIME.exec(value);
  const dutch = DUTCH_DATE.exec(value);
  if (date) {
    [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
  } else if (dateTime) {
    [y, m, d] = [Number(dateTime[1]), Number(dateTime[2]), Number(dateTime[3])];
    if (!isRealDate(y, m, d)) return { ok: false };
    if (dateTime[4] !== undefined) {
      const instant = new Date(value);
      return Number.isNaN(instant.getTime()) ? { ok: false } : { ok: true, date: localDate(instant) };
    }
  } else if (dutch) {
    [d, m, y] = [Number(dutch[1]), Number(dutch[2]), Number(dutch[3])];
  } else {
    return { ok: false };
  }
  return isRealDate(y, m, d) ? { ok: true, date: `${pad(y, 4)}-${pad(m)}-${pad(d)}` } : { ok: false };
}
