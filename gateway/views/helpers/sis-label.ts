/**
 * `{{sisLabel label}}` → a word from the SIS ("mobiel", "Ziek") in the page's language, from the
 * school's label file (gateway/school/sis-labels.ts, on the root context as `sisLabels`). A word
 * with no translation stays as the SIS wrote it, wrapped in `<span lang="nl">` on an English page
 * so a screen reader pronounces it as Dutch (WCAG 3.1.2).
 */
import Handlebars, { type HelperOptions } from 'handlebars';
import { translateSisLabel, type SisLabels } from '../../school/sis-labels.ts';
import { localeFrom } from './locale-from.ts';

export function sisLabel(word: unknown, options: HelperOptions): Handlebars.SafeString | string {
  if (typeof word !== 'string' || word === '') return '';
  const root = (options.data as { root?: { sisLabels?: SisLabels } } | undefined)?.root;
  const translated = translateSisLabel(root?.sisLabels, word, localeFrom(options));
  if (translated !== undefined) return translated;
  return new Handlebars.SafeString(`<span lang="nl">${Handlebars.escapeExpression(word)}</span>`);
}
