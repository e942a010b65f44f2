/**
 * `{{t "key"}}`, `{{t "absences.total" count=3}}`, `{{t relationKey}}`
 *
 * Looks the key up in the page's locale (nl default) and fills `{name}` placeholders from the
 * hash. The result is a plain string, so Handlebars escapes it — and with it any interpolated
 * value from the SIS.
 */
import type { HelperOptions } from 'handlebars';
import { t as translate, type MessageVars } from '../../i18n/translate.ts';
import { localeFrom } from './locale-from.ts';

export function t(key: unknown, options: HelperOptions): string {
  if (typeof key !== 'string') return '';
  return translate(localeFrom(options), key, (options.hash ?? {}) as MessageVars);
}
