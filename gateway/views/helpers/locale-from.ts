/** Helpers find the page's locale on the root context (`res.locals.locale`); not a helper itself. */
import type { HelperOptions } from 'handlebars';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../i18n/translate.ts';

export function localeFrom(options: HelperOptions | undefined): Locale {
  const root = (options?.data as { root?: { locale?: unknown } } | undefined)?.root;
  return isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
}


/** The Intl tag behind a catalog locale: English pages read British (14 December 2026), as a European school writes. */
const INTL_TAGS: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

export function intlLocale(options: HelperOptions | undefined): string {
  return INTL_TAGS[localeFrom(options)];
}
