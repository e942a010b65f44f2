/**
 * The school year as parents read it: the school's own items from config (`schoolYear.items`:
 * holidays, study days, parent evenings, report days) and the portal's openings and closures from
 * the portal calendar, in date order. Nothing here is personal: the same list feeds the public
 * iCalendar feed; the page narrows it to the groups of the parent's children.
 */
import type { Config } from '../config/index.ts';
import type { SchoolYearKind } from '../config/sections/parent-actions.ts';
import { t, type Locale } from '../i18n/translate.ts';
import type { Bilingual, Calendar } from '../policy/calendar-types.ts';
import { addDays } from '../policy/local-time.ts';

export interface SchoolYearEntry {
  id: string;
  kind: SchoolYearKind | 'portal-open' | 'portal-closed';
  /** Local dates, both inclusive. */
  from: string;
  until: string;
  title: Bilingual;
  /** Only for these jaargroepen; absent: the whole school. */
  groups?: number[];
}

function sectionList(locale: Locale, sections: readonly string[]): string {
  const names = sections.map((s) => t(locale, `section.${s}`));
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
}

function both(make: (locale: Locale) => string): Bilingual {
  return { nl: make('nl'), en: make('en') };
}

/** The portal calendar's open rules (their first day) and closures (their span), for parents. */
export function portalEntries(calendar: Calendar): SchoolYearEntry[] {
  const opens = calendar.open.map((rule): SchoolYearEntry => ({
    id: `portal-${rule.id}`, kind: 'portal-open', from: rule.from, until: rule.from,
    title: both((l) => t(l, 'schoolYear.portalOpens', { sections: sectionList(l, rule.sections) })),
    ...(rule.groups && { groups: [...rule.groups] }),
  }));
  const closures = calendar.closures.map((c): SchoolYearEntry => ({
    id: `portal-${c.id}`, kind: 'portal-closed', from: c.from, until: c.reopensOn ? addDays(c.reopensOn, -1) : c.from,
    title: both((l) => t(l, 'schoolYear.portalClosed', { sections: c.sections ? sectionList(l, c.sections) : t(l, 'schoolYear.wholePortal') })),
    ...(c.groups && { groups: [...c.groups] }),
  }));
  return [...opens, ...closures];
}

export function schoolYearEntries(config: Pick<Config, 'schoolYear'>, calendar: Calendar): SchoolYearEntry[] {
  const items = (config.schoolYear.items ?? []).map((item): SchoolYearEntry => ({
    id: item.id, kind: item.kind, from: item.from, until: item.until ?? item.from, title: { ...item.title },
    ...(item.groups && { groups: [...item.groups] }),
  }));
  return [...items, ...portalEntries(calendar)].sort((a, b) => a.from.localeCompare(b.from) || a.id.localeCompare(b.id));
}

/** The entries for the whole school and those of the given jaargroepen. */
export function forGroups(entries: readonly SchoolYearEntry[], jaargroepen: ReadonlySet<number>): SchoolYearEntry[] {
  return entries.filter((e) => !e.groups || e.groups.some((g) => jaargroepen.has(g)));
}
