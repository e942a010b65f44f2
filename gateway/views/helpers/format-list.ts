/**
 * `{{formatList child.teachers}}` → "Anna de Vries en Bram Jansen" / "Anna de Vries and Bram Jansen"
 *
 * Joins strings the way the page's language does; non-strings are left out.
 */
import type { HelperOptions } from 'handlebars';
import { intlLocale } from './locale-from.ts';

export function formatList(items: unknown, options: HelperOptions): string {
  if (!Array.isArray(items)) return '';
  const words = items.filter((item): item is string => typeof item === 'string' && item.length > 0);
  return new Intl.ListFormat(intlLocale(options), { type: 'conjunction' }).format(words);
}
