/** Local dates (Europe/Amsterdam) as the contract writes them, and the school year they fall in. */
import type { Clock } from '../contract/index.ts';

const amsterdamDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit',
});

/** Today's local date by the injected clock. */
export function localToday(clock: Clock): string {
  return amsterdamDate.format(clock.now());
}

/** `YYYY-MM-DD` naming a day that exists. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * An OSO `xs:date` as a local date. The schema allows a zone suffix ("2015-04-28Z",
 * "2015-04-28+01:00"); the calendar day is what the school recorded, so the suffix is dropped.
 */
export function osoDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const day = value.trim().slice(0, 10);
  return isIsoDate(day) ? day : undefined;
}

/** The school year (1 August – 31 July) a local date falls in, written "2026-2027". */
export function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '08-01' ? year : year - 1;
  return `${start}-${start + 1}`;
}
