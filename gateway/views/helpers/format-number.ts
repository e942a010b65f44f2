/**
 * `{{formatNumber result.score}}` → "7,5" (nl) / "7.5" (en)
 *
 * Numbers get the locale's decimal mark; strings (a grade like "goed") pass through unchanged.
 */
import type { HelperOptions } from 'handlebars';
import { intlLocale } from './locale-from.ts';

export function formatNumber(value: unknown, options: HelperOptions): string {
  if (typeof value === 'number') {
    return new Intl.NumberFormat(intlLocale(options), { maximumFractionDigits: 2, useGrouping: false }).format(value);
  }
  return typeof value === 'string' ? value : '';
}
