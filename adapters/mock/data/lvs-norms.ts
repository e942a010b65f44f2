/**
 * Fictional norms for the demo school's LVS tests ("Cito LiB"-like): the national mean and spread
 * of the vaardigheidsscore per moment, and the levels that follow from a score. The numbers are
 * invented but behave like the real scales: one scale across the years, growth that slows down.
 */

export type LvsMoment = 'M' | 'E';

export interface LvsSubject {
  /** Subject as it appears in results. */
  subject: string;
  label: string;
  /** First jaargroep with this test (begrijpend lezen starts in groep 4). */
  fromJaargroep: number;
  /** Spread of the scores within one moment. */
  sd: number;
  /** National mean per moment, keyed "M3", "E3", … "M8". */
  means: Readonly<Record<string, number>>;
  /** Whether the school reports a DLE for this subject. */
  dle: boolean;
}

const MOMENT_KEYS = ['M3', 'E3', 'M4', 'E4', 'M5', 'E5', 'M6', 'E6', 'M7', 'E7', 'M8'] as const;

/** Means from a starting value and the growth between successive moments. */
function curve(start: number, growth: number[]): Record<string, number> {
  const means: Record<string, number> = {};
  let value = start;
  MOMENT_KEYS.forEach((key, i) => {
    if (i > 0) value += growth[i - 1] ?? 0;
    means[key] = value;
  });
  return means;
}

export const LVS_SUBJECTS: readonly LvsSubject[] = [
  { subject: 'rekenen-wiskunde', label: 'Rekenen-Wiskunde', fromJaargroep: 3, sd: 14, dle: false,
    means: curve(128, [14, 12, 11, 10, 9, 8, 7, 7, 6, 6]) },
  { subject: 'begrijpend lezen', label: 'Begrijpend lezen', fromJaargroep: 4, sd: 16, dle: false,
    means: curve(120, [12, 11, 10, 10, 9, 8, 7, 7, 6, 6]) },
  { subject: 'spelling', label: 'Spelling', fromJaargroep: 3, sd: 13, dle: true,
    means: curve(125, [13, 11, 10, 9, 8, 7, 6, 6, 5, 5]) },
  { subject: 'technisch lezen', label: 'Technisch lezen', fromJaargroep: 3, sd: 15, dle: true,
    means: curve(110, [16, 13, 11, 9, 8, 7, 6, 5, 5, 4]) },
];

/** Groep 8 has no E moment: the doorstroomtoets takes its place. */
export function momentsOf(jaargroep: number): LvsMoment[] {
  return jaargroep === 8 ? ['M'] : ['M', 'E'];
}

/** Didactische leeftijd: months of education since groep 3, ten per year. */
export function didacticAge(jaargroep: number, moment: LvsMoment): number {
  return (jaargroep - 3) * 10 + (moment === 'M' ? 5 : 10);
}

function normalCdf(z: number): number {
  // Abramowitz & Stegun 7.1.26; accurate to 1e-7, plenty for percentiles.
  const t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export function meanAt(subject: LvsSubject, jaargroep: number, moment: LvsMoment): number {
  const mean = subject.means[`${moment}${jaargroep}`];
  if (mean === undefined) throw new RangeError(`No norm for ${subject.subject} ${moment}${jaargroep}`);
  return mean;
}

/** Percentage of children nationally who scored lower, 1–99. */
export function percentile(subject: LvsSubject, jaargroep: number, moment: LvsMoment, score: number): number {
  const z = (score - meanAt(subject, jaargroep, moment)) / subject.sd;
  return Math.min(99, Math.max(1, Math.floor(normalCdf(z) * 100)));
}

/** A top 25 %, B next 25 %, C next 25 %, D next 15 %, E lowest 10 %. */
export function levelAE(pct: number): string {
  if (pct >= 75) return 'A';
  if (pct >= 50) return 'B';
  if (pct >= 25) return 'C';
  if (pct >= 10) return 'D';
  return 'E';
}

/** Five bands of 20 %, I highest. */
export function levelIV(pct: number): string {
  if (pct >= 80) return 'I';
  if (pct >= 60) return 'II';
  if (pct >= 40) return 'III';
  if (pct >= 20) return 'IV';
  return 'V';
}

/** Months of education after which an average child reaches `score` (interpolated on the means). */
export function dle(subject: LvsSubject, score: number): number {
  const points = Object.entries(subject.means).map(([key, mean]) => ({
    dl: didacticAge(Number(key.slice(1)), key[0] as LvsMoment),
    mean,
  }));
  let i = points.findIndex((p) => p.mean >= score);
  if (i <= 0) i = i === 0 ? 1 : points.length - 1;
  const a = points[i - 1] as { dl: number; mean: number };
  const b = points[i] as { dl: number; mean: number };
  const value = a.dl + ((score - a.mean) * (b.dl - a.dl)) / (b.mean - a.mean);
  return Math.min(70, Math.max(0, Math.round(value)));
}
