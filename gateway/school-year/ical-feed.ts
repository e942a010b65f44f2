/**
 * The public iCalendar feed of the school year (RFC 5545, written by ical-generator): one all-day
 * event per entry, for a parent's phone calendar. General school information only — no child, no
 * parent, no teacher — so it needs no login and may be cached. UIDs are stable (entry id and the
 * school's host), so a subscribed calendar updates an event instead of adding a second one.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import { t, type Locale } from '../i18n/translate.ts';
import { addDays } from '../policy/local-time.ts';
import type { SchoolYearEntry } from './entries.ts';

export interface FeedOptions {
  schoolName: string;
  locale: Locale;
  /** For the UIDs, e.g. "ouders.debron.example". */
  host: string;
  timeZone: string;
  /** DTSTAMP of every event: when the feed was made. */
  now: Date;
}

function groupsLabel(locale: Locale, groups: readonly number[] | undefined): string {
  return groups ? ` (${t(locale, 'schoolYear.groupsShort', { groups: groups.join(', ') })})` : '';
}

export function schoolYearFeed(entries: readonly SchoolYearEntry[], options: FeedOptions): string {
  const calendar = ical({
    name: t(options.locale, 'schoolYear.feedName', { school: options.schoolName }),
    prodId: { company: 'Ouderpoort', product: 'schooljaar', language: options.locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    timezone: options.timeZone,
  });
  for (const entry of entries) {
    calendar.createEvent({
      id: `${entry.id}@${options.host}`,
      allDay: true,
      start: entry.from,
      // DTEND of an all-day event is exclusive.
      end: addDays(entry.until, 1),
      stamp: options.now,
      summary: `${entry.title[options.locale]}${groupsLabel(options.locale, entry.groups)}`,
      categories: [{ name: t(options.locale, `schoolYear.kinds.${entry.kind}`) }],
    });
  }
  return calendar.toString();
}
