/**
 * The glossary: the jargon of results and absences explained for parents, in Dutch and English,
 * from one YAML file the school edits (config/glossary.yaml, or the file named by
 * `results.glossary`). Pages mark a term in place and link to its entry on the glossary page.
 */
import { z } from 'zod';
import type { Locale } from '../i18n/translate.ts';
import { readDataFile } from './data-file.ts';

const text = z.string().trim().min(1);
const localized = z.strictObject({ nl: text, en: text });

/** Becomes the anchor on the glossary page: lower case, digits and hyphens. */
const TERM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const termSchema = z.strictObject({
  id: z.string().regex(TERM_ID, { error: 'expected an id like "niveau-a-e" (lower case, digits, hyphens)' }),
  term: localized,
  text: localized,
});

export const glossarySchema = z.strictObject({
  terms: z.array(termSchema).min(1),
}).superRefine((glossary, ctx) => {
  const seen = new Set<string>();
  // Runs even when another entry is wrong, so one boot lists every problem.
  (Array.isArray(glossary?.terms) ? glossary.terms : []).forEach((entry, i) => {
    if (typeof entry?.id !== 'string') return;
    if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', path: ['terms', i, 'id'], message: `id "${entry.id}" is used twice` });
    seen.add(entry.id);
  });
}, { when: () => true });

export type GlossaryTerm = z.output<typeof termSchema>;

export interface Glossary {
  /** In the file's order. */
  terms: readonly GlossaryTerm[];
}

/** One entry as a page shows it, in the page's language. */
export interface GlossaryEntryView {
  id: string;
  term: string;
  text: string;
}

export function loadGlossary(file: string): Glossary {
  return { terms: readDataFile(file, glossarySchema, 'glossary').terms };
}

export function entryView(term: GlossaryTerm, locale: Locale): GlossaryEntryView {
  return { id: term.id, term: term.term[locale], text: term.text[locale] };
}

/** The entry with this id, or undefined when the school's file has none (the page then shows the bare word). */
export function lookupTerm(glossary: Glossary, id: string, locale: Locale): GlossaryEntryView | undefined {
  const term = glossary.terms.find((t) => t.id === id);
  return term ? entryView(term, locale) : undefined;
}

export function glossaryIn(glossary: Glossary, locale: Locale): GlossaryEntryView[] {
  return glossary.terms.map((term) => entryView(term, locale));
}
