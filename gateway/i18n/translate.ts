/**
 * Message catalogs and lookup. Every visible string of every page lives in nl.json / en.json,
 * plus the login/password/username messages owned by gateway/auth (AUTH_MESSAGES), merged in here
 * so there is one lookup; templates and view models only carry keys. Dutch is the school default.
 */
import { AUTH_MESSAGES } from '../auth/auth-messages.ts';
import nlCatalog from './nl.json' with { type: 'json' };
import enCatalog from './en.json' with { type: 'json' };

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';

export type MessageVars = Record<string, string | number | undefined>;

interface NestedCatalog {
  [key: string]: string | NestedCatalog;
}

/** Flattens `{ relation: { father: "vader" } }` to `{ "relation.father": "vader" }`. */
export function flattenCatalog(tree: NestedCatalog, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [k, v] of flattenCatalog(value, path)) flat.set(k, v);
  }
  return flat;
}

function buildCatalog(pages: NestedCatalog, auth: Readonly<Record<string, string>>): Map<string, string> {
  const merged = flattenCatalog(pages);
  for (const [key, text] of Object.entries(auth)) {
    // Each key has one owner; a clash would make one of the two texts silently unreachable.
    if (merged.has(key)) throw new Error(`i18n key "${key}" is defined twice (views catalog and AUTH_MESSAGES)`);
    merged.set(key, text);
  }
  return merged;
}

const catalogs: Record<Locale, Map<string, string>> = {
  nl: buildCatalog(nlCatalog as NestedCatalog, AUTH_MESSAGES.nl),
  en: buildCatalog(enCatalog as NestedCatalog, AUTH_MESSAGES.en),
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function catalogKeys(locale: Locale): string[] {
  return [...catalogs[locale].keys()];
}

export function hasMessage(locale: Locale, key: string): boolean {
  return catalogs[locale].has(key) || catalogs[locale].has(`${key}.other`);
}

const pluralRules: Record<Locale, Intl.PluralRules> = {
  nl: new Intl.PluralRules('nl'),
  en: new Intl.PluralRules('en'),
};

function lookup(locale: Locale, key: string, vars: MessageVars): string | undefined {
  const catalog = catalogs[locale];
  const direct = catalog.get(key);
  if (direct !== undefined) return direct;
  // Plural forms live under `<key>.one` / `<key>.other`, chosen by the `count` variable.
  if (typeof vars.count === 'number') {
    return catalog.get(`${key}.${pluralRules[locale].select(vars.count)}`) ?? catalog.get(`${key}.other`);
  }
  return undefined;
}

/**
 * The message for `key` in `locale` with `{name}` placeholders filled from `vars`.
 * Falls back to Dutch, then to the key itself, so a missing string is visible rather than blank
 * (the catalog tests keep that from shipping).
 */
export function t(locale: Locale, key: string, vars: MessageVars = {}): string {
  const template = lookup(locale, key, vars) ?? lookup(DEFAULT_LOCALE, key, vars) ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    // Numbers go in as they are: a year or an id must not get a thousands separator.
    return value === undefined ? whole : String(value);
  });
}
