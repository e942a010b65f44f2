/**
 * `{{humanAge served.ageMs}}` → "3 uur" / "3 hours", "1 dag" / "1 day", "minder dan een minuut"
 *
 * The age of cached data in the largest whole unit, for "Gegevens van 3 uur geleden".
 */
import type { HelperOptions } from 'handlebars';
import { t } from '../../i18n/translate.ts';
import { intlLocale, localeFrom } from './locale-from.ts';

const units: Array<[Intl.NumberFormatOptions['unit'], number]> = [
  ['day', 24 * 3600 * 1000],
  ['hour', 3600 * 1000],
  ['minute', 60 * 1000],
];

export function humanAge(ms: unknown, options: HelperOptions): string {
  const locale = localeFrom(options);
  const age = typeof ms === 'number' && Number.isFinite(ms) ? Math.max(0, ms) : 0;
  for (const [unit, size] of units) {
    if (age >= size) {
      return new Intl.NumberFormat(intlLocale(options), { style: 'unit', unit, unitDisplay: 'long' }).format(Math.floor(age / size));
    }
  }
  return t(locale, 'time.lessThanAMinute');
}
