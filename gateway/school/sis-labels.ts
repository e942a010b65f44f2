/**
 * Words the SIS writes that reach the parent pages (contact labels, absence reasons), in the page's
 * language: config/sis-labels.yaml, with the school's own file (`school.sisLabels`) laid over it.
 * A word without a translation is shown as the SIS wrote it and marked as Dutch.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readDataFile } from '../results/data-file.ts';

export const BUILT_IN_SIS_LABELS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../config/sis-labels.yaml');

const labelsSchema = z.strictObject({
  en: z.record(z.string().trim().min(1), z.string().trim().min(1)).default({}),
});

/** Lower-cased, trimmed SIS word → its English. */
export interface SisLabels {
  en: ReadonlyMap<string, string>;
}

const keyOf = (word: string) => word.trim().toLocaleLowerCase('nl');

function read(file: string): Map<string, string> {
  const { en } = readDataFile(file, labelsSchema, 'SIS labels');
  return new Map(Object.entries(en).map(([nl, translation]) => [keyOf(nl), translation]));
}

/** Reads the built-in file and the school's; an invalid file throws CONFIG_INVALID naming it. */
export function loadSisLabels(schoolFile?: string): SisLabels {
  const en = read(BUILT_IN_SIS_LABELS);
  if (schoolFile) for (const [k, v] of read(schoolFile)) en.set(k, v);
  return { en };
}

/** The word in `locale`, or undefined when it has to stay as the SIS wrote it (Dutch). */
export function translateSisLabel(labels: SisLabels | undefined, word: string, locale: string): string | undefined {
  if (locale === 'nl') return word;
  return locale === 'en' ? labels?.en.get(keyOf(word)) : undefined;
}
