import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUTH_MESSAGES } from '../../../gateway/auth/auth-messages.ts';
import { catalogKeys, catalogSources, flattenCatalog, hasMessage, LOCALES, t } from '../../../gateway/i18n/translate.ts';
import { CHANGE_PASSWORD_REASON_MESSAGE_KEYS } from '../../../gateway/auth/change-password.ts';
import { FIRST_LOGIN_REASON_MESSAGE_KEYS } from '../../../gateway/auth/first-login.ts';
import { PASSWORD_REASON_MESSAGE_KEYS } from '../../../gateway/auth/password-policy.ts';
import { USERNAME_REASON_MESSAGE_KEYS } from '../../../gateway/auth/username.ts';
import { CONFIRM_MISMATCH } from '../../../gateway/routes/auth/reason-keys.ts';
import { KNOWN_REFERENCE_CODES } from '../../../gateway/routes/parent/view-models/results.ts';
import { SECTIONS } from '../../../gateway/routes/parent/section-policy.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Literal keys in templates: {{t "key"}}, (t "key"), and partial params like labelKey="key". */
function templateKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of filesUnder(path.join(root, 'views'), '.hbs')) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/(?:\{\{|\()t "([^"]+)"/g)) keys.set(m[1]!, file);
    for (const m of source.matchAll(/\b\w+Key="([^"]+)"/g)) keys.set(m[1]!, file);
  }
  return keys;
}

/** Literal keys the view models and routes put into page models (`titleKey: 'x.y'` and the like). */
function codeKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of filesUnder(path.join(root, 'gateway/routes/parent'), '.ts')) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/\b\w*[kK]ey: '([a-zA-Z][\w.]*)'/g)) keys.set(m[1]!, file);
    for (const m of source.matchAll(/'(child\.title|absences\.title|results\.title)'/g)) keys.set(m[1]!, file);
  }
  return keys;
}

describe('i18n: catalogs', () => {
  it('every catalog source (nl.json/en.json, each areas/*.json) has exactly the same keys in nl and en', () => {
    for (const { name, messages } of catalogSources()) {
      const nlKeys = [...flattenCatalog(messages.nl).keys()].sort();
      const enKeys = [...flattenCatalog(messages.en).keys()].sort();
      expect(enKeys, name).to.deep.equal(nlKeys);
    }
  });

  it('the merged catalogs (with the auth messages) have the same keys in every locale', () => {
    expect(Object.keys(AUTH_MESSAGES.en).sort()).to.deep.equal(Object.keys(AUTH_MESSAGES.nl).sort());
    expect(catalogKeys('en').sort()).to.deep.equal(catalogKeys('nl').sort());
  });

  it('no text is empty and every placeholder appears in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const { messages } of catalogSources()) {
      const flatEn = flattenCatalog(messages.en);
      for (const [key, text] of flattenCatalog(messages.nl)) {
        const other = flatEn.get(key)!;
        expect(text.trim(), `nl ${key}`).not.to.equal('');
        expect(other.trim(), `en ${key}`).not.to.equal('');
        expect(placeholders(other), key).to.deep.equal(placeholders(text));
      }
    }
  });

  it('every key a template uses exists in both languages', () => {
    const used = templateKeys();
    expect(used.size).to.be.greaterThan(100);
    for (const [key, file] of used) {
      for (const locale of LOCALES) expect(hasMessage(locale, key), `${key} (${file}) in ${locale}`).to.equal(true);
    }
  });

  it('every key the parent routes put into page models exists in both languages', () => {
    const used = codeKeys();
    expect([...used.keys()]).to.include.members(['dashboard.title', 'help.title', 'account.title', 'absences.title']);
    for (const [key, file] of used) {
      for (const locale of LOCALES) expect(hasMessage(locale, key), `${key} (${file}) in ${locale}`).to.equal(true);
    }
  });

  it('domain words map once: relations, day parts, absence kinds, sections, moments, reference scores', () => {
    const keys = [
      ...['father', 'mother', 'voogd', 'other'].map((r) => `relation.${r}`),
      ...['morning', 'afternoon', 'day'].map((d) => `dayPart.${d}`),
      ...['authorised', 'unauthorised', 'late'].map((c) => `absences.category.${c}`),
      ...SECTIONS.map((s) => `section.${s}`),
      ...['B', 'M', 'E'].map((m) => `results.moment.${m}`),
      ...KNOWN_REFERENCE_CODES.map((c) => `results.ref.${c}`),
      ...['overview', 'absences', 'results'].map((p) => `child.nav.${p}`),
      'contact.kind.phone', 'contact.kind.email', 'time.lessThanAMinute',
    ];
    for (const key of keys) for (const locale of LOCALES) expect(hasMessage(locale, key), `${key} ${locale}`).to.equal(true);
    expect(t('nl', 'relation.voogd')).to.equal('voogd');
    expect(t('en', 'relation.voogd')).to.equal('legal guardian');
    expect(t('nl', 'dayPart.morning')).to.equal('ochtend');
    expect(t('en', 'absences.category.authorised')).to.equal('authorised');
    expect(t('nl', 'absences.category.authorised')).to.equal('geoorloofd');
  });

  it('has a text for every message key the login, first-login and account forms can show', () => {
    const keys = [
      ...Object.values(PASSWORD_REASON_MESSAGE_KEYS), ...Object.values(USERNAME_REASON_MESSAGE_KEYS),
      ...Object.values(FIRST_LOGIN_REASON_MESSAGE_KEYS), ...Object.values(CHANGE_PASSWORD_REASON_MESSAGE_KEYS),
      CONFIRM_MISMATCH, 'login.invalid', 'login.throttled',
    ];
    for (const key of keys) for (const locale of LOCALES) expect(hasMessage(locale, key), `${key} ${locale}`).to.equal(true);
  });

  it('templates hold no Dutch outside {{t}}: no bare text between tags', () => {
    for (const file of filesUnder(path.join(root, 'views'), '.hbs')) {
      const source = readFileSync(file, 'utf8')
        .replace(/\{\{!--[\s\S]*?--\}\}/g, '')
        .replace(/\{\{[\s\S]*?\}\}/g, '');
      const text = [...source.matchAll(/>([^<]+)</g)].map((m) => m[1]!.trim()).filter((s) => /\p{L}{2,}/u.test(s));
      expect(text, file).to.deep.equal([]);
    }
  });
});

describe('i18n: t()', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('nl', 'absences.title', { name: 'Sanne' })).to.equal('Absenties van Sanne');
    expect(t('en', 'absences.title', { name: 'Sanne' })).to.equal('Absences of Sanne');
    expect(t('en', 'absences.title')).to.equal('Absences of {name}');
  });

  it('does not group digits of numbers it interpolates', () => {
    expect(t('nl', 'common.groepN', { n: 2026 })).to.equal('groep 2026');
  });

  it('chooses plural forms by count', () => {
    expect(t('nl', 'absences.minutes', { count: 1 })).to.equal('1 minuut');
    expect(t('nl', 'absences.minutes', { count: 3 })).to.equal('3 minuten');
    expect(t('en', 'child.teacherLine', { count: 1, teachers: 'A' })).to.equal('Teacher: A');
    expect(t('en', 'child.teacherLine', { count: 2, teachers: 'A and B' })).to.equal('Teachers: A and B');
  });

  it('includes the auth messages with their placeholders', () => {
    expect(t('nl', 'login.throttled', { retryAfterMin: 5 })).to.include('5 minuten');
    expect(t('en', 'password.too_short', { min: 15 })).to.include('at least 15 characters');
  });

  it('falls back to the key for an unknown message', () => {
    expect(t('en', 'no.such.key')).to.equal('no.such.key');
  });
});
