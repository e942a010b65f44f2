/**
 * What the calendar pages show, built from a calendar: the timeline (picture, words, tables) and
 * the answer to "what does a parent of a child in groep N see on date D" — the answer
 * `npm run calendar -- show` prints, from the same function (whatIsOpen).
 */
import type { Response } from 'express';
import { timelineText, formatLocalDate, groupsName, sectionName } from '../../calendar-editor/calendar-text.ts';
import { schoolYearFromLabel, schoolYearOf, timeline } from '../../calendar-editor/timeline.ts';
import { DEFAULT_LOCALE, isLocale, t, type Locale } from '../../i18n/translate.ts';
import type { Calendar } from '../../policy/calendar-types.ts';
import { addDays, instantOfLocal, isLocalDate, localDateOf, startOfLocalDate } from '../../policy/local-time.ts';
import { eventsBetween } from '../../policy/transitions.ts';
import { isJaargroep, JAARGROEPEN, type Jaargroep } from '../../policy/vocabulary.ts';
import { whatIsOpen } from '../../policy/what-is-open.ts';

export function localeOf(res: Response): Locale {
  return isLocale(res.locals.locale) ? res.locals.locale : DEFAULT_LOCALE;
}

export function timelineModel(calendar: Calendar, now: Date, locale: Locale) {
  const today = localDateOf(now, calendar.timezone);
  const firstYear = schoolYearFromLabel(calendar.schoolYear) ?? schoolYearOf(today);
  const line = timeline(calendar, { firstYear, today });
  const text = timelineText(line, locale);
  const markerY = line.eventsY + line.barHeight / 2;
  const monthFormat = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { month: 'short', timeZone: 'UTC' });
  return {
    ...line,
    rows: line.rows.map((row, i) => ({
      ...row, label: text.rowLabels[i],
      segments: row.segments.map((s) => ({ ...s, title: s.reason ? `${s.closureId}: ${s.reason[locale]}` : t(locale, `calendar.state.${s.state === 'open' ? 'open' : 'closed'}`) })),
    })),
    months: line.months.map((m) => ({ ...m, label: monthFormat.format(new Date(`${m.date}T12:00:00Z`)) })),
    markerY,
    events: line.events.map((e) => ({
      ...e, title: `${t(locale, `calendar.kind.${e.kind}`)} ${formatLocalDate(e.at, locale)}`,
      ...(e.kind === 'invitations' ? { diamond: `M${e.x},${markerY - 7}L${e.x + 7},${markerY}L${e.x},${markerY + 7}L${e.x - 7},${markerY}Z` } : {}),
    })),
    summary: text.summary,
    table: text.table,
    eventRows: text.events,
  };
}

export interface SeeQuery { group: string; date: string; time: string }

/** The "what does groep N see" form's answer, or its field errors; undefined when not asked. */
export function seeModel(calendar: Calendar, query: Record<string, unknown>, locale: Locale) {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 20) : '');
  const input: SeeQuery = { group: str(query.groep), date: str(query.datum), time: str(query.tijd) };
  const groups = JAARGROEPEN.map((g) => ({ value: String(g), label: t(locale, 'calendar.groups.one', { n: g }), selected: input.group === String(g) }));
  if (!input.group && !input.date) return { input, groups };
  const errors: Record<string, string[]> = {};
  const group = Number(input.group);
  if (!isJaargroep(group)) errors.group = [t(locale, 'calendar.see.badGroup')];
  if (!isLocalDate(input.date)) errors.date = [t(locale, 'calendar.see.badDate')];
  if (input.time && !/^([01]\d|2[0-3]):[0-5]\d$/.test(input.time)) errors.time = [t(locale, 'calendar.see.badTime')];
  if (Object.keys(errors).length > 0) return { input, groups, errors };
  const jaargroep = group as Jaargroep;
  const at = input.time ? instantOfLocal(input.date, input.time, calendar.timezone) : input.date;
  const overview = whatIsOpen(calendar, at, jaargroep);
  const from = new Date(startOfLocalDate(input.date, calendar.timezone).getTime() - 1);
  const to = new Date(startOfLocalDate(addDays(input.date, 1), calendar.timezone).getTime() - 1);
  const events = eventsBetween(calendar, from, to)
    .filter((e) => e.groups === undefined || e.groups.includes(jaargroep))
    .map((e) => ({
      time: e.localAt.slice(11), until: e.until?.slice(11), kind: t(locale, `calendar.kind.${e.kind}`),
      description: e.description?.[locale], groups: groupsName(e.groups ?? [], locale),
    }));
  return {
    input, groups,
    answer: {
      heading: t(locale, 'calendar.see.answer', { group: jaargroep, date: formatLocalDate(input.date, locale) + (input.time ? ` ${input.time}` : '') }),
      sections: overview.sections.map((s) => ({
        name: sectionName(s.section, locale), open: s.open,
        ...(s.reason ? { reason: s.reason[locale] } : {}),
        ...(s.reopensOn ? { reopensOn: formatLocalDate(s.reopensOn, locale) } : {}),
      })),
      events,
    },
  };
}

/** A unified diff as lines the page colours: added, removed, hunk headers, context. */
export function patchLines(patch: string): Array<{ line: string; kind: 'add' | 'del' | 'hunk' | 'same' }> {
  return patch.split('\n').filter(Boolean).map((line) => ({
    line, kind: line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : line.startsWith('@@') ? 'hunk' : 'same',
  }));
}
