/**
 * A day at a glance: every section's state on one local date, for one group or for the school as
 * a whole. For the CLI and the operator page; parents' pages ask `evaluate` per section.
 */
import type { Bilingual, Calendar } from './calendar-types.ts';
import { evaluate } from './evaluate.ts';
import { isLocalDate, localDateOf, startOfLocalDate } from './local-time.ts';
import { JAARGROEPEN, SECTIONS, type Jaargroep, type Section } from './vocabulary.ts';

export interface SectionOverview {
  section: Section;
  /**
   * For the group asked about; without a group, the strict answer `evaluate` gives for an unknown
   * group (group-scoped closures count, group-scoped openings do not).
   */
  open: boolean;
  reason?: Bilingual;
  reopensOn?: string;
  nextChange?: { at: string; open: boolean };
  /** The jaargroepen it is open for on that day. */
  openForGroups: Jaargroep[];
}

export interface DayOverview {
  date: string;
  group?: Jaargroep;
  sections: SectionOverview[];
}

/** `date` is a local date ("YYYY-MM-DD") or an instant (its local date counts). */
export function whatIsOpen(calendar: Calendar, date: string | Date, group?: Jaargroep): DayOverview {
  if (typeof date === 'string' && !isLocalDate(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const day = typeof date === 'string' ? date : localDateOf(date, calendar.timezone);
  // The state holds for the whole local day, so its first instant speaks for it.
  const start = startOfLocalDate(day, calendar.timezone);
  const sections = SECTIONS.map((section): SectionOverview => {
    const decision = evaluate(calendar, section, group, start);
    const openForGroups = JAARGROEPEN.filter((g) => evaluate(calendar, section, g, start).open);
    return { section, ...decision, openForGroups };
  });
  return { date: day, ...(group !== undefined ? { group } : {}), sections };
}
