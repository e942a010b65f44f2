/**
 * The policy engine: config/calendar.yaml decides which portal section is open for which
 * jaargroep when (DESIGN.md §3; the rules with examples are in config/calendar.README.md).
 */
export { SECTIONS, JAARGROEPEN, EVENT_KINDS, isSection, isJaargroep } from './vocabulary.ts';
export type { Section, Jaargroep, EventKind } from './vocabulary.ts';
export type { Calendar, OpenRule, Closure, ScheduledEvent, Bilingual } from './calendar-types.ts';
export { calendarSchema, DEFAULT_TIMEZONE } from './calendar-schema.ts';
export { evaluate, stateOnDate, boundaryDates, nextChangeDate } from './evaluate.ts';
export type { Decision, DayState } from './evaluate.ts';
export { whatIsOpen } from './what-is-open.ts';
export type { DayOverview, SectionOverview } from './what-is-open.ts';
export { transitionsBetween, eventsBetween } from './transitions.ts';
export type { Transition, EventOccurrence } from './transitions.ts';
export {
  parseCalendar, readCalendarFile, loadCalendarFile, CalendarError, isCalendarError, describeIssue,
} from './parse-calendar.ts';
export type { CalendarIssue, CalendarParse } from './parse-calendar.ts';
export { diffCalendars, summarizeDiff, isEmptyDiff } from './calendar-diff.ts';
export type { CalendarDiff } from './calendar-diff.ts';
export { createCalendarSource } from './calendar-source.ts';
export type { CalendarSource, CalendarSourceOptions, CalendarStatus, ReloadOutcome } from './calendar-source.ts';
export { createSectionPolicy } from './section-policy.ts';
export type { CalendarSectionPolicy, SectionAnswer } from './section-policy.ts';
export {
  localDateOf, localDateTimeOf, startOfLocalDate, instantOfLocalDateTime, addDays, isLocalDate,
} from './local-time.ts';
