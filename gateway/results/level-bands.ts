/**
 * Where the national levels lie on a test's vaardigheidsscore scale, per moment: the data the
 * growth chart draws behind a child's line. The boundaries are the test supplier's norms, which
 * are not public national data, so the school keeps them in a file it edits (see
 * config/README.md, `results.levelBands`). Without a file, or for a test or moment the file does
 * not list, the chart shows the line without bands.
 *
 * Per test (family and subject) and moment ("M4": midden groep 4), each scale lists the lowest
 * score of every level but the last, best level first: AE [A, B, C, D] — a score at or above the
 * A boundary is A, below the D boundary is E.
 */
import { z } from 'zod';
import { LEVEL_SCALE_IDS, LEVEL_SCALES, type LevelScaleId } from './level-scales.ts';
import { readDataFile } from './data-file.ts';

const BOUNDARY_COUNT = LEVEL_SCALES.AE.levels.length - 1;

const boundaries = z.array(z.number().finite()).length(BOUNDARY_COUNT, { error: `expected ${BOUNDARY_COUNT} scores, best level first` })
  .refine((b) => b.every((v, i) => i === 0 || v < (b[i - 1] as number)), { error: 'expected falling scores: the best level\'s boundary first' });

/** "M4": moment B, M or E, then the jaargroep 1–8. */
export const MOMENT_KEY = /^[BME][1-8]$/;

const momentBands = z.strictObject({ AE: boundaries.optional(), IV: boundaries.optional() })
  .refine((m) => LEVEL_SCALE_IDS.some((s) => m[s] !== undefined), { error: 'expected AE or IV boundaries (or both)' });

// Refinements that run even when other parts of the file are wrong, so one boot lists every problem.
const always = { when: () => true };

const moments = z.record(z.string(), momentBands).superRefine((record, ctx) => {
  for (const key of Object.keys(record ?? {})) {
    if (!MOMENT_KEY.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'expected a moment like "M4" or "E7"' });
  }
}, always);

const testBands = z.strictObject({
  /** The test family as results name it (TestResult.method, e.g. "Cito LiB"); absent: any test of the subject. */
  family: z.string().trim().min(1).optional(),
  subject: z.string().trim().min(1),
  moments,
});

export const levelBandsSchema = z.strictObject({ tests: z.array(testBands) }).superRefine((file, ctx) => {
  const seen = new Set<string>();
  (Array.isArray(file?.tests) ? file.tests : []).forEach((test, i) => {
    if (typeof test?.subject !== 'string') return;
    const family = typeof test.family === 'string' ? test.family.trim().toLowerCase() : '*';
    const key = `${family}|${test.subject.trim().toLowerCase()}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['tests', i], message: 'this family and subject are listed twice' });
    seen.add(key);
  });
}, always);

export type LevelBandsFile = z.output<typeof levelBandsSchema>;

export interface LevelBands {
  tests: LevelBandsFile['tests'];
}

export const NO_LEVEL_BANDS: LevelBands = Object.freeze({ tests: [] });

export function loadLevelBands(file: string | undefined): LevelBands {
  return file ? { tests: readDataFile(file, levelBandsSchema, 'level bands').tests } : NO_LEVEL_BANDS;
}

export interface BandQuery {
  family?: string;
  subject: string;
  moment?: 'B' | 'M' | 'E';
  jaargroep?: number;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The boundaries on `scale` for this test and moment (best level first), if the file has them. */
export function bandsFor(bands: LevelBands, query: BandQuery, scale: LevelScaleId): readonly number[] | undefined {
  if (!query.moment || query.jaargroep === undefined) return undefined;
  const ofSubject = bands.tests.filter((t) => same(t.subject, query.subject));
  // A family-specific entry wins over one for the subject in general.
  const test = ofSubject.find((t) => t.family !== undefined && query.family !== undefined && same(t.family, query.family))
    ?? ofSubject.find((t) => t.family === undefined);
  return test?.moments[`${query.moment}${query.jaargroep}`]?.[scale];
}
