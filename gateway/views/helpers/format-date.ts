/**
 * `{{formatDate absence.date}}` → "maandag 12 december 2026" / "Monday 12 December 2026"
 * `{{formatDate date style="short"}}` → "12 dec 2026"; `style="dayMonth"` → "za 12 dec" (within one
 * school year the month tells the year); `style="time"` → "08:30"
 *
 * Accepts a local date ("YYYY-MM-DD", shown as that calendar day), an ISO instant or a Date
 * (shown in Europe/Amsterdam). Anything unreadable renders as an empty string.
 */
import type { HelperOptions } from 'handlebars';
import { intlLocale } from './locale-from.ts';

const TIME_ZONE = 'Europe/Amsterdam';

const styles: Record<string, Intl.DateTimeFormatOptions> = {
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  medium: { day: 'numeric', month: 'long', year: 'numeric' },
  short: { day: 'numeric', month: 'short', year: 'numeric' },
  dayMonth: { weekday: 'short', day: 'numeric', month: 'short' },
  time: { hour: '2-digit', minute: '2-digit' },
  datetime: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
};

export function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== 'string') return undefined;
  const local = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  // Noon UTC is the same calendar day in Amsterdam all year, so a local date never shifts.
  const date = local
    ? new Date(Date.UTC(Number(local[1]), Number(local[2]) - 1, Number(local[3]), 12))
    : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

// One formatter per locale and style, kept: building one costs far more than using it (bench/README.md).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string, styleName: string): Intl.DateTimeFormat {
  const key = `${locale}|${styleName}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...styles[styleName], timeZone: TIME_ZONE });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * What a date string came out as, per locale and style: a page shows the same few dates (a
 * child's birthday, the data's age, a closure's date) on every view, and formatting one costs
 * microseconds where a lookup costs nothing. Bounded: emptied when full.
 */
const formatted = new Map<string, string>();
const FORMATTED_MAX = 10_000;

export function formatDate(value: unknown, options: HelperOptions): string {
  const requested = String(options.hash?.style ?? 'long');
  const style = Object.hasOwn(styles, requested) ? requested : 'long';
  const locale = intlLocale(options);
  const key = typeof value === 'string' ? `${locale}|${style}|${value}` : undefined;
  const known = key === undefined ? undefined : formatted.get(key);
  if (known !== undefined) return known;
  const date = toDate(value);
  if (!date) return '';
  const text = formatterFor(locale, style).format(date);
  if (key !== undefined) {
    if (formatted.size >= FORMATTED_MAX) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}
