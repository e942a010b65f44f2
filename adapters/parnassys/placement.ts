/**
 * Which of a pupil's group placements (groepsindelingen) and enrolments (inschrijvingen) hold
 * today. A pupil has placements across school years and may change group mid-year; end dates
 * (totDatum, datumUitschrijving) are taken as the last day that still counts.
 */
import { parseSisDate } from './dates.ts';
import type { RawGroepsindeling, RawInschrijving } from './leerlingen-schema.ts';

export interface Period {
  from?: string;
  to?: string;
}

export interface Placement extends Period {
  groupId: string;
  schoolYearId?: string;
  leerjaar?: string;
}

export interface Enrolment {
  from: string;
  to?: string;
}

/** Why a pupil could not be read; counted and logged, never with the pupil's data. */
export type Unreadable = 'unreadable-date';

/** Reads a from/to pair; `undefined` when either is present but unreadable. */
function readPeriod(fromRaw: string | undefined, toRaw: string | undefined): Period | undefined {
  const from = parseSisDate(fromRaw);
  const to = parseSisDate(toRaw);
  if (!from.ok || !to.ok) return undefined;
  return { from: from.date, to: to.date };
}

const covers = (p: Period, day: string) => (p.from === undefined || p.from <= day) && (p.to === undefined || p.to >= day);

export function readPlacements(raw: readonly RawGroepsindeling[]): Placement[] | Unreadable {
  const out: Placement[] = [];
  for (const g of raw) {
    const period = readPeriod(g.vanafDatum, g.totDatum);
    if (!period) return 'unreadable-date';
    out.push({ ...period, groupId: g.groep, schoolYearId: g.schooljaar?.trim() || undefined, leerjaar: g.leerjaar });
  }
  return out;
}

/**
 * Today's placement, decided by the school year: only placements of the school year asked for
 * count (a last-year placement that was never closed does not carry into the summer). Of those,
 * one whose period covers today (the latest started, if several), else the latest that has
 * started (a pupil keeps the group after a placement ended without a new one). Before the
 * year's first placement starts there is none: the pupil has no group yet.
 */
export function currentPlacement(placements: readonly Placement[], day: string, inSchoolYear: (p: Placement) => boolean): Placement | undefined {
  const thisYear = [...placements].filter(inSchoolYear).sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
  const covering = thisYear.filter((p) => covers(p, day));
  if (covering.length > 0) return covering.at(-1);
  return thisYear.filter((p) => (p.from ?? '') <= day).at(-1);
}

/**
 * The enrolment that counts today: the latest that has started, else the first to come.
 * `undefined` when there is none (or none with a start date).
 */
export function currentEnrolment(raw: readonly RawInschrijving[], day: string): Enrolment | Unreadable | undefined {
  const enrolments: Enrolment[] = [];
  for (const i of raw) {
    const period = readPeriod(i.datumInschrijving, i.datumUitschrijving);
    if (!period) return 'unreadable-date';
    if (period.from !== undefined) enrolments.push({ from: period.from, ...(period.to !== undefined ? { to: period.to } : {}) });
  }
  enrolments.sort((a, b) => a.from.localeCompare(b.from));
  const started = enrolments.filter((e) => e.from <= day);
  return started.at(-1) ?? enrolments[0];
}

/** A pupil whose enrolment ended before today has left the school. */
export const hasLeft = (enrolment: Enrolment, day: string) => enrolment.to !== undefined && enrolment.to < day;
