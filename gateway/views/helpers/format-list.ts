/**
 * `{{formatList child.teachers}}` → "Anna de Vries en Bram Jansen" / "Anna de Vries and Bram Jansen"
 *
 * Joins strings the way the page's language does; non-strings are left out.
 */
import type { HelperOptions } from 'handlebars';
import { intlLocale } from './locale-from.ts';

// One formatter per locale: building one costs far more than using it (bench/README.md).
const formatters = new Map<string, Intl.ListFormat>();

export function formatList(items: unknown, options: HelperOptions): string {
  if (!Array.isArray(items)) return '';
  const words = items.filter((item): item is string => typeof item === 'string' && item.length > 0);
  const locale = intlLocale(options);
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.ListFormat(locale, { type: 'conjunction' });
    formatters.set(locale, formatter);
  }
  return formatter.format(words);
}
