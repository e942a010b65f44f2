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
 * Not in helpers/index.ts: it needs the engine's own Handlebars instance (its partials).
 */
import type Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';
import { localeFrom } from './helpers/locale-from.ts';

type Hbs = typeof Handlebars;

export function createKeptPartial(hbs: Hbs, options: { keep: boolean }) {
  const compiled = new Map<string, { source: unknown; template: Handlebars.TemplateDelegate }>();
  const kept = new WeakMap<object, Map<string, Handlebars.SafeString>>();

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
    let html = fragments.get(key);
    if (!html) {
      html = render(name, value, locale);
      fragments.set(key, html);
    }
    return html;
  };
}
