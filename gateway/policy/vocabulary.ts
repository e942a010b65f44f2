/**
 * The calendar's vocabulary, each list in one place: the portal sections it opens and closes,
 * the jaargroepen a rule can be scoped to, and the kinds of scheduled events jobs subscribe to.
 * Adding a section or an event kind is one line here (and a line in config/calendar.README.md).
 */

export const SECTIONS = [
  'personalia', 'absences', 'results.method', 'results.lvs', 'changes', 'reports', 'medical', 'absence-report', 'leave', 'conversations', 'school-year',
] as const;
export type Section = (typeof SECTIONS)[number];

/** Groep 1–8 of Dutch primary school. */
export const JAARGROEPEN = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type Jaargroep = (typeof JAARGROEPEN)[number];

/**
 * invitations: the day login codes are mailed; reminder: a nudge to parents;
 * help-moment: a time parents can get help at school (has an end time);
 * data-check: parents with gezag are asked to check their family's data (gateway/data-check/).
 */
export const EVENT_KINDS = ['invitations', 'reminder', 'help-moment', 'data-check'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export function isSection(value: unknown): value is Section {
  return typeof value === 'string' && (SECTIONS as readonly string[]).includes(value);
}

export function isJaargroep(value: unknown): value is Jaargroep {
  return typeof value === 'number' && (JAARGROEPEN as readonly number[]).includes(value);
}
