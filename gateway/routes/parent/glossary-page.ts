/**
 * GET /begrippen: every term of the school's glossary, in the page's language, each with an
 * anchor (`/begrippen#dle`) that the terms marked on other pages link to. No child data: no audit.
 */
import type { Request, Response } from 'express';
import { DEFAULT_LOCALE, isLocale } from '../../i18n/translate.ts';
import { glossaryIn } from '../../results/glossary.ts';
import type { ParentRouterDeps } from './deps.ts';

export function glossaryPage(deps: ParentRouterDeps) {
  return async function glossary(_req: Request, res: Response): Promise<void> {
    const locale = isLocale(res.locals.locale) ? res.locals.locale : DEFAULT_LOCALE;
    res.render('pages/glossary', { titleKey: 'glossaryPage.title', entries: glossaryIn(deps.results.glossary, locale) });
  };
}
