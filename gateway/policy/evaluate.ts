/**
 * The policy: whether a section is open for a jaargroep at an instant. Pure — the same calendar,
 * section, group and instant always give the same answer — so every route and every download can
 * ask it on the server, and tests can ask it about any moment of the year.
 *
 * Rules (config/calendar.README.md has examples):
 * - closed unless an open rule applies (fail closed);
 * - a closure that applies beats every open rule;
 * - rules hold for whole local days in the calendar's zone: from the start of `from` to the start
 *   of `closesOn` / `reopensOn`, so every change happens exactly at local midnight;
 * - an unknown group (undefined, or not 1–8) is treated as strictly as possible: group-scoped
 *   closures apply to it, group-scoped open rules do not.
 */
import type { Bilingual, Calendar, Closure, OpenRule } from './calendar-types.ts';
import { localDateOf, startOfLocalDate } from './local-time.ts';
import { isJaargroep, isSection } from './vocabulary.ts';

export interface Decision {
  open: boolean;
  /** Why it is closed, for parents; only when a closure closes it. */
  reason?: Bilingual;
  /** When closed: the local date it opens again, if the calendar says so. */
  reopensOn?: string;
  /**
   * When closed, never open before in this calendar, and opening on a known day: it has yet to
   * open for the first time (the invitation day), so parents read "opens on", not "open again on".
   */
  firstOpening?: {
    /** The open rule's `description`, the school's own words about what opens. */
    description?: Bilingual;
  };
  /** The next moment the answer changes, if the calendar says so. */
  nextChange?: { at: string; open: boolean };
}

type Scoped = Pick<OpenRule, 'groups'> & { sections?: readonly string[] };

function coversSection(rule: Scoped, section: string): boolean {
  return rule.sections === undefined || rule.sections.includes(section);
}

function coversGroupStrictly(rule: Scoped, group: number | undefined, unknownGroupMatches: boolean): boolean {
  if (rule.groups === undefined) return true;
  if (!isJaargroep(group)) return unknownGroupMatches;
  return rule.groups.includes(group);
}

function inEffect(from: string, until: string | undefined, date: string): boolean {
  return from <= date && (until === undefined || date < until);
}

function openingRule(calendar: Calendar, section: string, group: number | undefined, date: string): OpenRule | undefined {
  return calendar.open.find((rule) => coversSection(rule, section)
    && coversGroupStrictly(rule, group, false)
    && inEffect(rule.from, rule.closesOn, date));
}

function closingRule(calendar: Calendar, section: string, group: number | undefined, date: string): Closure | undefined {
  return calendar.closures.find((rule) => coversSection(rule, section)
    && coversGroupStrictly(rule, group, true)
    && inEffect(rule.from, rule.reopensOn, date));
}

export interface DayState {
  open: boolean;
  /** The closure that closes it, when one does (the first in the file, if several). */
  closure?: Closure;
}

/** The state of a section for a whole local day. */
export function stateOnDate(calendar: Calendar, section: string, group: number | undefined, date: string): DayState {
  if (!isSection(section)) return { open: false };
  const closure = closingRule(calendar, section, group, date);
  if (closure) return { open: false, closure };
  return { open: openingRule(calendar, section, group, date) !== undefined };
}

/** Every local date on which some rule starts or ends, ascending: the only days a state can change. */
export function boundaryDates(calendar: Calendar): string[] {
  const dates = new Set<string>();
  for (const rule of calendar.open) {
    dates.add(rule.from);
    if (rule.closesOn) dates.add(rule.closesOn);
  }
  for (const rule of calendar.closures) {
    dates.add(rule.from);
    if (rule.reopensOn) dates.add(rule.reopensOn);
  }
  return [...dates].sort();
}

/** The first local date after `date` on which the section's state differs from its state on `date`. */
export function nextChangeDate(calendar: Calendar, section: string, group: number | undefined, date: string): string | undefined {
  const now = stateOnDate(calendar, section, group, date).open;
  return boundaryDates(calendar)
    .find((d) => d > date && stateOnDate(calendar, section, group, d).open !== now);
}

/** Whether the section was open on any day before `date` (states change only on boundary dates). */
function wasOpenBefore(calendar: Calendar, section: string, group: number | undefined, date: string): boolean {
  return boundaryDates(calendar).some((d) => d < date && stateOnDate(calendar, section, group, d).open);
}

/** Whether `section` is open for `group` at `instant`, why not, and when that changes. */
export function evaluate(calendar: Calendar, section: string, group: number | undefined, instant: Date): Decision {
  const date = localDateOf(instant, calendar.timezone);
  const state = stateOnDate(calendar, section, group, date);
  const decision: Decision = { open: state.open };
  if (state.closure) decision.reason = { ...state.closure.reason };
  const changeDate = nextChangeDate(calendar, section, group, date);
  if (changeDate !== undefined) {
    decision.nextChange = { at: startOfLocalDate(changeDate, calendar.timezone).toISOString(), open: !state.open };
    if (!state.open) decision.reopensOn = changeDate;
  }
  if (!state.open && changeDate !== undefined && !wasOpenBefore(calendar, section, group, date)) {
    const opener = openingRule(calendar, section, group, changeDate);
    decision.firstOpening = opener?.description ? { description: { ...opener.description } } : {};
  }
  return decision;
}
