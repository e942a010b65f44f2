/**
 * Pure pieces of the language choice: which locale a request gets, and where the language
 * switch may send the browser back to.
 */
import { DEFAULT_LOCALE, isLocale, type Locale } from './translate.ts';

export const LANG_COOKIE = 'lang';

/** Reads one cookie from a Cookie header without a parser dependency. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The supported locales an Accept-Language header asks for, best first (q-values honoured). */
export function localesFromAcceptLanguage(header: string | undefined): Locale[] {
  if (!header) return [];
  const ranked = header.split(',').map((entry, index) => {
    const [tag = '', ...params] = entry.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    return { primary: tag.trim().toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0, index };
  });
  ranked.sort((a, b) => b.q - a.q || a.index - b.index);
  const found: Locale[] = [];
  for (const { primary, q } of ranked) {
    if (q > 0 && isLocale(primary) && !found.includes(primary)) found.push(primary);
  }
  return found;
}

/** Cookie `lang` first (the parent chose it), then the browser's wish, then the school default. */
export function resolveLocale(input: {
  cookie?: string;
  acceptLanguage?: string;
  schoolDefault?: Locale;
}): Locale {
  if (isLocale(input.cookie)) return input.cookie;
  return localesFromAcceptLanguage(input.acceptLanguage)[0] ?? input.schoolDefault ?? DEFAULT_LOCALE;
}

/**
 * The path to return to after switching language, or '/' when `terug` is not a plain local path.
 * Refuses anything a browser could read as another origin: '//host', '/\host', schemes,
 * and control characters (which browsers strip, turning '/\t/host' into '//host').
 */
export function safeReturnPath(terug: unknown): string {
  if (typeof terug !== 'string' || terug.length === 0 || terug.length > 2048) return '/';
  if (!terug.startsWith('/') || terug.startsWith('//')) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(terug)) return '/';
  return terug;
}
