/**
 * The calendar as the policy engine reads it, after validation (config/calendar.README.md
 * explains every rule with examples). Dates are local dates ("YYYY-MM-DD") and times local
 * wall-clock times ("YYYY-MM-DDTHH:mm") in `timezone`.
 */
import type { EventKind, Jaargroep, Section } from './vocabulary.ts';

/** Text shown to parents, in both languages the portal speaks. */
export interface Bilingual {
  nl: string;
  en: string;
}

/** Opens `sections` from the start of `from` until the start of `closesOn` (or for good). */
export interface OpenRule {
  id: string;
  sections: Section[];
  from: string;
  /** The first day the rule no longer opens the sections; absent: open for good. */
  closesOn?: string;
  /** Only these jaargroepen; absent: every group. */
  groups?: Jaargroep[];
  /** What opens, in the school's words, shown to parents before the sections first open. */
  description?: Bilingual;
}

/** Closes sections from the start of `from` until the start of `reopensOn`; beats every open rule. */
export interface Closure {
  id: string;
  from: string;
  /** The first day the closure no longer applies; absent: closed until the file says otherwise. */
  reopensOn?: string;
  reason: Bilingual;
  /** Only these sections; absent: every section. */
  sections?: Section[];
  /** Only these jaargroepen; absent: every group. */
  groups?: Jaargroep[];
}

/** A dated happening jobs act on (the invitation mailing, a reminder, the help moment). */
export interface ScheduledEvent {
  id: string;
  kind: EventKind;
  at: string;
  /** When it ends, for events that last (the help moment). */
  until?: string;
  /** Only parents of children in these jaargroepen; absent: everyone. */
  groups?: Jaargroep[];
  /** What the event is about, for the mail or page a job produces. */
  description?: Bilingual;
}

export interface Calendar {
  /** IANA time zone of every date and time in the file. */
  timezone: string;
  /** A label, e.g. "2026-2027"; informational. */
  schoolYear?: string;
  open: OpenRule[];
  closures: Closure[];
  events: ScheduledEvent[];
}
