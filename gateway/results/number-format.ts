/** Numbers and lists in a page's language, for texts composed in view models (templates use the helpers). */
import type { Locale } from '../i18n/translate.ts';

/** English pages read British, as the view helpers do. */
const INTL_TAGS: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * One formatter per locale, built on first use: building an Intl formatter costs far more than
 * formatting with it, and a results page formats hundreds of scores (bench/README.md).
 */
function perLocale<F>(build: (tag: string) => F): (locale: Locale) => F {
  const built = new Map<Locale, F>();
  return (locale) => {
    let formatter = built.get(locale);
    if (!formatter) {
      formatter = build(INTL_TAGS[locale]);
      built.set(locale, formatter);
    }
    return formatter;
  };
}

const scoreFormat = perLocale((tag) => new Intl.NumberFormat(tag, { maximumFractionDigits: 2, useGrouping: false }));
const listFormat = perLocale((tag) => new Intl.ListFormat(tag, { type: 'conjunction' }));
const dayMonthFormat = perLocale((tag) => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'Europe/Amsterdam' }));

export function formatScore(value: number, locale: Locale): string {
  return scoreFormat(locale).format(value);
}

export function formatList(items: readonly string[], locale: Locale): string {
  return listFormat(locale).format(items);
}

/** "12 mrt" / "12 Mar": a moment-less test's place on the axis. */
export function formatDayMonth(date: string, locale: Locale): string {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!d) return date;
  const noon = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), 12));
  return dayMonthFormat(locale).format(noon);
}
