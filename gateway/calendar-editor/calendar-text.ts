/**
 * The calendar in words, for the operator pages: section and group names, the timeline's text
 * summary and tables (the same facts as the picture), the preview's changes, and the validator's
 * problems as messages next to a form's fields.
 */
import { t, type Locale } from '../i18n/translate.ts';
import type { Bilingual } from '../policy/calendar-types.ts';
import type { CalendarIssue } from '../policy/parse-calendar.ts';
import { JAARGROEPEN } from '../policy/vocabulary.ts';
import { formatList } from '../results/number-format.ts';
import type { ImpactChange, NowChange } from './parent-impact.ts';
import type { Timeline } from './timeline.ts';

const INTL_TAGS: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** "1 juni 2027" for a local date "2027-06-01". */
export function formatLocalDate(date: string, locale: Locale): string {
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!d) return date;
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_TAGS[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  const day = format.format(new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), 12)));
  return date.length > 10 ? `${day} ${date.slice(11, 16)}` : day;
}

const instantFormats = new Map<Locale, Intl.DateTimeFormat>();

/** "2 december 2026 18:05" in the school's zone, for when a version was saved. */
export function formatInstant(iso: string, locale: Locale, timeZone = 'Europe/Amsterdam'): string {
  let format = instantFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_TAGS[locale], { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone });
    instantFormats.set(locale, format);
  }
  return format.format(new Date(iso));
}

/** The last day of a stretch that ends before `until` (the first day it no longer holds). */
function dayBefore(until: string): string {
  const d = new Date(`${until}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function sectionName(section: string, locale: Locale): string {
  return t(locale, `calendar.section.${section}`);
}

export function groupsName(groups: readonly number[], locale: Locale): string {
  if (groups.length === 0 || groups.length === JAARGROEPEN.length) return t(locale, 'calendar.groups.all');
  if (groups.length === 1) return t(locale, 'calendar.groups.one', { n: groups[0] as number });
  const first = groups[0] as number;
  const contiguous = groups.every((g, i) => g === first + i);
  return contiguous
    ? t(locale, 'calendar.groups.range', { first, last: groups.at(-1) as number })
    : t(locale, 'calendar.groups.list', { list: formatList(groups.map(String), locale) });
}

export const reasonIn = (reason: Bilingual | undefined, locale: Locale) => (reason ? reason[locale] : undefined);

export interface TimelineText {
  rowLabels: string[];
  summary: string[];
  table: Array<{ section: string; groups: string; from: string; until: string; state: string; reason?: string; closure: boolean }>;
  events: Array<{ at: string; kind: string; groups: string; description?: string }>;
}

export function timelineText(line: Timeline, locale: Locale): TimelineText {
  const rowLabels = line.rows.map((row) => `${sectionName(row.section, locale)} · ${groupsName(row.groups, locale)}`);
  const stateWord = (state: string, id?: string) => (state === 'closure' ? t(locale, 'calendar.state.closure', { id: id ?? '' }) : t(locale, `calendar.state.${state}`));
  const summary = line.rows.map((row) => {
    const stretches = row.segments.length === 1
      ? t(locale, 'calendar.timeline.stretchAll', { state: stateWord(row.segments[0]?.state === 'open' ? 'open' : 'closed') })
      : formatList(row.segments.map((s) => t(locale, s.state === 'open' ? 'calendar.timeline.stretchOpen'
        : s.state === 'closure' ? 'calendar.timeline.stretchClosure' : 'calendar.timeline.stretchClosed', {
        from: formatLocalDate(s.from, locale), until: formatLocalDate(dayBefore(s.until), locale), id: s.closureId ?? '',
      })), locale);
    return t(locale, 'calendar.timeline.summaryRow', { section: sectionName(row.section, locale), groups: groupsName(row.groups, locale), stretches });
  });
  const eventItems = line.events.map((e) => t(locale, 'calendar.timeline.eventItem', { kind: t(locale, `calendar.kind.${e.kind}`), date: formatLocalDate(e.at, locale) }));
  summary.push(eventItems.length ? t(locale, 'calendar.timeline.eventsSummary', { events: formatList(eventItems, locale) }) : t(locale, 'calendar.timeline.noEvents'));
  const table = line.rows.flatMap((row) => row.segments.map((s) => ({
    section: sectionName(row.section, locale), groups: groupsName(row.groups, locale),
    from: formatLocalDate(s.from, locale), until: formatLocalDate(dayBefore(s.until), locale),
    state: stateWord(s.state, s.closureId), closure: s.state === 'closure',
    ...(s.reason ? { reason: s.reason[locale] } : {}),
  })));
  const events = line.events.map((e) => ({
    at: `${formatLocalDate(e.at, locale)}${e.until ? `–${e.until.slice(11)}` : ''}`, kind: t(locale, `calendar.kind.${e.kind}`),
    groups: groupsName(e.groups ?? [], locale), ...(e.description ? { description: e.description[locale] } : {}),
  }));
  return { rowLabels, summary, table, events };
}

export function impactText(changes: readonly ImpactChange[], locale: Locale): Array<{ text: string; reason?: string }> {
  return changes.map((c) => {
    const change = c.before === c.after ? t(locale, 'calendar.preview.reasonChanged')
      : t(locale, c.after ? 'calendar.preview.becomesOpen' : 'calendar.preview.becomesClosed');
    const vars = {
      section: sectionName(c.section, locale), groups: groupsName(c.groups, locale), change,
      from: formatLocalDate(c.from, locale), until: c.until ? formatLocalDate(dayBefore(c.until), locale) : '',
    };
    const reason = reasonIn(c.reason, locale);
    return { text: t(locale, c.until ? 'calendar.preview.change' : 'calendar.preview.changeOpenEnded', vars), ...(reason ? { reason } : {}) };
  });
}

export function nowText(changes: readonly NowChange[], locale: Locale): string[] {
  return changes.map((c) => t(locale, c.after ? 'calendar.preview.nowOpen' : 'calendar.preview.nowClose', {
    section: sectionName(c.section, locale), groups: groupsName(c.groups, locale),
  }));
}

/** The validator's message (English, as in the file's error log) as the page's words, where known. */
const MESSAGES: Array<[RegExp, string]> = [
  [/^missing/, 'missing'],
  [/^expected a real date|^expected a date/, 'date'],
  [/^expected a real local time|^expected a local time/, 'time'],
  [/^expected an id/, 'id'],
  [/is used twice$/, 'idTwice'],
  [/^closesOn must be after from/, 'closesOn'],
  [/^reopensOn must be after from/, 'reopensOn'],
  [/^until must be after at/, 'until'],
  [/^the Dutch text is empty/, 'nlEmpty'],
  [/^the English text is empty/, 'enEmpty'],
  [/^list at least one/, 'atLeastOne'],
  [/^expected one of the event kinds/, 'kind'],
];

export function validatorMessage(issue: CalendarIssue, locale: Locale): string {
  const known = MESSAGES.find(([pattern]) => pattern.test(issue.message));
  return known ? t(locale, `calendar.validator.${known[1]}`) : issue.message;
}
