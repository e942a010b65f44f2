/**
 * `{{localized school.contact.hours}}` → the page's language's text of a `{ nl, en }` pair from
 * config (the school's own words); an empty string for anything else.
 */
import type { HelperOptions } from 'handlebars';
import { localeFrom } from './locale-from.ts';

export function localized(text: unknown, options: HelperOptions): string {
  if (text === null || typeof text !== 'object') return '';
  const value = (text as Record<string, unknown>)[localeFrom(options)];
  return typeof value === 'string' ? value : '';
}
