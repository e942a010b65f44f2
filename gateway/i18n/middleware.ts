/**
 * Locale per request, and the no-JavaScript language switch `GET /taal/:lang?terug=/path`.
 * Mount before the auth guard: the login page has the switch too.
 */
import { Router, type Request } from 'express';
import { DEFAULT_LOCALE, isLocale, type Locale } from './translate.ts';
import { LANG_COOKIE, readCookie, resolveLocale, safeReturnPath } from './resolve-locale.ts';

export interface I18nOptions {
  /** The school's language when neither cookie nor browser decides; 'nl' unless configured. */
  defaultLocale?: Locale;
}

const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

/** The current path, for the switch links; only ever a local path. */
function currentPath(req: Request): string {
  return safeReturnPath(req.originalUrl);
}

function switchHref(lang: Locale, path: string): string {
  return `/taal/${lang}?terug=${encodeURIComponent(path)}`;
}

export function createI18nMiddleware(options: I18nOptions = {}): Router {
  const schoolDefault = options.defaultLocale ?? DEFAULT_LOCALE;
  const router = Router();

  router.use((req, res, next) => {
    const locale = resolveLocale({
      cookie: readCookie(req.headers.cookie, LANG_COOKIE),
      acceptLanguage: req.headers['accept-language'],
      schoolDefault,
    });
    res.locals.locale = locale;
    res.locals.lang = locale;
    const path = currentPath(req);
    res.locals.languageSwitch = {
      nl: { href: switchHref('nl', path), current: locale === 'nl' },
      en: { href: switchHref('en', path), current: locale === 'en' },
    };
    res.vary('Accept-Language');
    next();
  });

  router.get('/taal/:lang', (req, res) => {
    const lang = req.params.lang;
    const back = safeReturnPath(req.query.terug);
    if (!isLocale(lang)) {
      res.redirect(303, back);
      return;
    }
    res.cookie(LANG_COOKIE, lang, {
      path: '/',
      maxAge: ONE_YEAR_MS,
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
    });
    res.redirect(303, back);
  });

  return router;
}
