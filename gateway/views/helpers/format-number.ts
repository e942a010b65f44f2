/**
 * `{{formatNumber result.score}}` → "7,5" (nl) / "7.5" (en)
 *
 * Numbers get the locale's decimal mark; strings (a grade like "goed") pass through unchanged.
 */
import type { HelperOptions } from 'handlebars';
import { intlLocale } from './locale-from.ts';

// Building an Intl formatter costs far more than formatting with one: a results page formats
// hundreds of numbers (bench/README.md), so one formatter per locale is kept.
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string): Intl.NumberFormat {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false });
    formatters.set(locale, formatter);
  }
  return formatter;
}

export function formatNumber(value: unknown, options: HelperOptions): string {
  if (typeof value === 'number') return formatterFor(intlLocale(options)).format(value);
  return typeof value === 'string' ? value : '';
}
