/**
 * The `verzuim` block → absence totals. OSO keeps no dated absences, only counts "in the last
 * twelve calendar months" before the dossier was made: day parts authorised and unauthorised
 * (primary school), hours (secondary school) and how often unauthorised absence was registered.
 * They become one AbsenceSummary over that period, never dated records made up from the counts.
 * `meerdan25percent` and `contactleerplicht` are left out: the second is about the leerplicht
 * officer, not about the absences, and parents hear of it from the school (data minimisation).
 */
import type { AbsenceTotal } from '../contract/index.ts';
import { isIsoDate } from './dates.ts';
import { decimal, type XmlNode } from './oso-xml.ts';

export interface VerzuimData {
  /** Inclusive local dates: the twelve months up to and including the dossier date. */
  period: { from: string; to: string };
  totals: AbsenceTotal[];
}

const COUNTS: Array<{ element: string } & Omit<AbsenceTotal, 'count'>> = [
  { element: 'dagdelengeoorloofd', category: 'authorised', unit: 'dayParts' },
  { element: 'dagdelenongeoorloofd', category: 'unauthorised', unit: 'dayParts' },
  { element: 'urengeoorloofd', category: 'authorised', unit: 'hours' },
  { element: 'urenongeoorloofd', category: 'unauthorised', unit: 'hours' },
  { element: 'frequentie', category: 'unauthorised', unit: 'times' },
];

/** The day after the same date one year earlier (29 February counts from 1 March). */
export function twelveMonthsUpTo(date: string): { from: string; to: string } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const start = new Date(Date.UTC(y - 1, m - 1, d));
  // 29 February of a leap year: a year earlier has no such day, and Date rolls it to 1 March.
  if (start.getUTCMonth() !== m - 1) start.setUTCDate(0);
  start.setUTCDate(start.getUTCDate() + 1);
  return { from: start.toISOString().slice(0, 10), to: date };
}

/**
 * The totals of a `verzuim` block, or undefined when there is none or it counts nothing.
 * Without the dossier date the period is unknown, so the totals are left out with a note.
 */
export function mapVerzuim(verzuim: XmlNode | undefined, madeOn: string | undefined, notes: string[]): VerzuimData | undefined {
  if (!verzuim) return undefined;
  const totals: AbsenceTotal[] = [];
  for (const { element, category, unit } of COUNTS) {
    const count = decimal(verzuim, element);
    if (count === undefined) continue;
    if (count < 0 || (unit !== 'hours' && !Number.isInteger(count))) {
      notes.push(`verzuim ${element} "${count}" is not a count; left out`);
      continue;
    }
    totals.push({ category, unit, count });
  }
  if (totals.length === 0) return undefined;
  if (madeOn === undefined || !isIsoDate(madeOn)) {
    notes.push('verzuim left out: without metadata/datum the twelve months its totals cover are unknown');
    return undefined;
  }
  return { period: twelveMonthsUpTo(madeOn), totals };
}
