/**
 * What changes between two instants: the section transitions (a section opened or closed for
 * some groups, always at a local midnight) and the scheduled events whose time falls in between.
 * Both take the half-open window (from, to]: an instant exactly at `from` was reported by the
 * window before, so consecutive windows report every change exactly once.
 */
import type { Bilingual, Calendar, ScheduledEvent } from './calendar-types.ts';
import { boundaryDates, stateOnDate } from './evaluate.ts';
import { addDays, instantOfLocalDateTime, startOfLocalDate } from './local-time.ts';
import { JAARGROEPEN, SECTIONS, type Jaargroep, type Section } from './vocabulary.ts';

export interface Transition {
  section: Section;
  /** The jaargroepen for which this happens, ascending (all eight when the rule is not scoped). */
  groups: Jaargroep[];
  change: 'opened' | 'closed';
  /** The local date it happens on, at local midnight. */
  date: string;
  /** The instant (ISO, UTC) of that local midnight. */
  at: string;
  /** For a closing by a closure: its id and reason. */
  closureId?: string;
  reason?: Bilingual;
}

export interface EventOccurrence {
  id: string;
  kind: ScheduledEvent['kind'];
  /** The instant (ISO, UTC) the event starts. */
  at: string;
  /** Its local start and end as written in the calendar. */
  localAt: string;
  until?: string;
  groups?: Jaargroep[];
  description?: Bilingual;
}

function within(instant: Date, from: Date, to: Date): boolean {
  return instant.getTime() > from.getTime() && instant.getTime() <= to.getTime();
}

function transitionsOn(calendar: Calendar, date: string, at: string): Transition[] {
  const out: Transition[] = [];
  const previous = addDays(date, -1);
  for (const section of SECTIONS) {
    const opened: Jaargroep[] = [];
    // Grouped by closure, so each closing carries the reason parents will see.
    const closed = new Map<string, { groups: Jaargroep[]; reason?: Bilingual }>();
    for (const group of JAARGROEPEN) {
      const before = stateOnDate(calendar, section, group, previous);
      const after = stateOnDate(calendar, section, group, date);
      if (before.open === after.open) continue;
      if (after.open) {
        opened.push(group);
      } else {
        const key = after.closure?.id ?? '';
        const entry = closed.get(key) ?? { groups: [], ...(after.closure ? { reason: after.closure.reason } : {}) };
        entry.groups.push(group);
        closed.set(key, entry);
      }
    }
    if (opened.length > 0) out.push({ section, groups: opened, change: 'opened', date, at });
    for (const [closureId, { groups, reason }] of closed) {
      out.push({
        section, groups, change: 'closed', date, at,
        ...(closureId ? { closureId } : {}),
        ...(reason ? { reason: { ...reason } } : {}),
      });
    }
  }
  return out;
}

/** Every section transition in (from, to], in time order, then in the order of SECTIONS. */
export function transitionsBetween(calendar: Calendar, from: Date, to: Date): Transition[] {
  return boundaryDates(calendar).flatMap((date) => {
    const start = startOfLocalDate(date, calendar.timezone);
    return within(start, from, to) ? transitionsOn(calendar, date, start.toISOString()) : [];
  });
}

/** Every scheduled event starting in (from, to], in time order, then in file order. */
export function eventsBetween(calendar: Calendar, from: Date, to: Date): EventOccurrence[] {
  return calendar.events
    .map((event) => ({ event, start: instantOfLocalDateTime(event.at, calendar.timezone) }))
    .filter(({ start }) => within(start, from, to))
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .map(({ event, start }) => ({
      id: event.id,
      kind: event.kind,
      at: start.toISOString(),
      localAt: event.at,
      ...(event.until ? { until: event.until } : {}),
      ...(event.groups ? { groups: [...event.groups] } : {}),
      ...(event.description ? { description: { ...event.description } } : {}),
    }));
}
