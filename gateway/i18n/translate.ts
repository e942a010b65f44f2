/**
 * Message catalogs and lookup. Every visible string of every page lives in nl.json / en.json or in
 * an area catalog under areas/ (one file per feature, `{ "nl": {...}, "en": {...} }`, so a feature
 * keeps its texts next to each other), plus the login/password/username messages owned by
 * gateway/auth (AUTH_MESSAGES), merged in here so there is one lookup; templates and view models
 * only carry keys. Dutch is the school default.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

export const AREAS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'areas');

/** One source of messages: its name (for error messages) and its texts per locale. */
export interface CatalogSource {
  name: string;
  messages: Record<Locale, NestedCatalog>;
}

/** Every catalog source, in a stable order: the page catalogs, then areas/*.json by file name. */
export function catalogSources(): CatalogSource[] {
  const sources: CatalogSource[] = [{ name: 'nl.json/en.json', messages: { nl: nlCatalog as NestedCatalog, en: enCatalog as NestedCatalog } }];
  const files = (existsSync(AREAS_DIR) ? readdirSync(AREAS_DIR) : []).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const parsed = JSON.parse(readFileSync(path.join(AREAS_DIR, file), 'utf8')) as Record<Locale, NestedCatalog>;
    sources.push({ name: `areas/${file}`, messages: { nl: parsed.nl ?? {}, en: parsed.en ?? {} } });
  }
  return sources;
}

function buildCatalog(locale: Locale, sources: CatalogSource[]): Map<string, string> {
  const merged = new Map<string, string>();
  const owner = new Map<string, string>();
  const add = (key: string, text: string, from: string) => {
    // Each key has one owner; a clash would make one of the two texts silently unreachable.
    if (merged.has(key)) throw new Error(`i18n key "${key}" is defined twice (${owner.get(key)} and ${from})`);
    merged.set(key, text);
    owner.set(key, from);
  };
  for (const source of sources) {
    for (const [key, text] of flattenCatalog(source.messages[locale])) add(key, text, source.name);
  }
  for (const [key, text] of Object.entries(AUTH_MESSAGES[locale])) add(key, text, 'AUTH_MESSAGES');
  return merged;
}

const sources = catalogSources();
const catalogs: Record<Locale, Map<string, string>> = {
  nl: buildCatalog('nl', sources),
  en: buildCatalog('en', sources),
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
