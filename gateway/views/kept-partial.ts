/**
 * `{{keptPartial "results-sections" results}}` → that partial rendered once per value and locale;
 * later renders reuse the HTML.
 *
 * For the parts of a page that depend only on a memoised, frozen view model (the results view of
 * gateway/routes/parent/view-models/results.ts: one object per fingerprint of the records, kinds
 * shown, school year, locale and story): drawing its charts and tables costs thousands of helper
 * calls with the same output every time (bench/README.md). The HTML is kept beside the value (a
 * WeakMap), so it lives exactly as long as the memo keeps that view: the same bound.
 *
 * What the partial can see is what makes sharing it safe: it is rendered as a template of its own,
 * with the value as its whole context and only the page's locale as `@root`. No `../` or block
 * parameter reaches the page around it, so nothing of the viewer (a name, gezag, a secret address,
 * the CSRF token) can end up in a fragment another viewer is served. A value that is not frozen
 * (not one shared view) is rendered every time, never kept; so is everything in development
 * (`keep: false`), where templates are re-read and a kept fragment would outlive an edit.
 *
 * A page rendered as bytes (the engine's `asBytes`) gets a kept fragment as its encoded bytes too:
 * the helper puts a marker in the page's HTML and the engine splices the fragment's Buffer in at
 * the marker (spliceKept). A 50 KB fragment is then encoded to UTF-8 once, not flattened out of
 * Handlebars' string pieces and encoded again on every send (bench/README.md, issue 23). The marker
 * holds a random token drawn per engine, so no data on the page can forge or move one.
 *
 * Not in helpers/index.ts: it needs the engine's own Handlebars instance (its partials).
 */
import { randomBytes } from 'node:crypto';
import type Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';
import { localeFrom } from './helpers/locale-from.ts';

type Hbs = typeof Handlebars;

/** On a page's root context when it is rendered as bytes: the kept fragments it took, in order. */
export const KEPT_BYTES = Symbol('keptBytes');

export interface KeptSlots {
  marker: string;
  fragments: Buffer[];
}

interface Kept {
  html: Handlebars.SafeString;
  bytes?: Buffer;
}

/** A fresh slot list for one page render; the marker is the engine's own. */
export function keptSlots(marker: string): KeptSlots {
  return { marker, fragments: [] };
}

/** A marker no page content can contain by chance or by design: NUL-delimited, with a random token. */
export function newKeptMarker(): string {
  return `\u0000kept-${randomBytes(12).toString('hex')}\u0000`;
}

/** The page's HTML with each marker replaced by its fragment's bytes, as one Buffer. */
export function spliceKept(html: string, slots: KeptSlots): Buffer {
  if (slots.fragments.length === 0) return Buffer.from(html);
  const pieces = html.split(slots.marker);
  // A marker moved, doubled or dropped (the helper used inside an attribute, say): refuse, never guess.
  if (pieces.length !== slots.fragments.length + 1) throw new Error('keptPartial: a kept fragment\'s marker did not reach the page intact');
  const parts: Buffer[] = [];
  pieces.forEach((piece, i) => {
    parts.push(Buffer.from(piece));
    const fragment = slots.fragments[i];
    if (fragment) parts.push(fragment);
  });
  return Buffer.concat(parts);
}

export function createKeptPartial(hbs: Hbs, options: { keep: boolean }) {
  const compiled = new Map<string, { source: unknown; template: Handlebars.TemplateDelegate }>();
  const kept = new WeakMap<object, Map<string, Kept>>();

  function templateOf(name: string): Handlebars.TemplateDelegate {
    const source: unknown = hbs.partials[name];
    if (typeof source === 'function') return source as Handlebars.TemplateDelegate;
    if (typeof source !== 'string') throw new Error(`keptPartial: there is no partial "${name}"`);
    let entry = compiled.get(name);
    if (entry?.source !== source) {
      entry = { source, template: hbs.compile(source, { preventIndent: true }) };
      compiled.set(name, entry);
    }
    return entry.template;
  }

  function render(name: string, value: object, locale: string): Handlebars.SafeString {
    return new hbs.SafeString(templateOf(name)(value, { data: { root: { locale } } }));
  }

  return function keptPartial(name: unknown, value: unknown, helper: HelperOptions): Handlebars.SafeString | string {
    if (typeof name !== 'string') throw new Error('keptPartial: the partial\'s name comes first');
    if (value === null || typeof value !== 'object') return '';
    const locale = localeFrom(helper);
    if (!options.keep || !Object.isFrozen(value)) return render(name, value, locale);
    let fragments = kept.get(value);
    if (!fragments) {
      fragments = new Map();
      kept.set(value, fragments);
    }
    const key = `${name}|${locale}`;
    let entry = fragments.get(key);
    if (!entry) {
      entry = { html: render(name, value, locale) };
      fragments.set(key, entry);
    }
    const slots = (helper.data as { root?: { [KEPT_BYTES]?: KeptSlots } } | undefined)?.root?.[KEPT_BYTES];
    if (!slots) return entry.html;
    entry.bytes ??= Buffer.from(entry.html.toString());
    slots.fragments.push(entry.bytes);
    return new hbs.SafeString(slots.marker);
  };
}
