/**
 * What is coming for a child: the sections that have never been open yet and open on a known day
 * (the invitation day's "opens on 8 December"), grouped by day, with the calendar's own words about them.
 */
import { t, type Locale } from '../../../i18n/translate.ts';
import { SECTIONS, type SectionStates } from '../section-policy.ts';

export interface ComingItem {
  /** Local date the sections open. */
  date: string;
  /** The sections' names in the page's language. */
  sections: string[];
  /** The open rules' descriptions in the calendar, each once. */
  descriptions: string[];
}

export function comingSections(states: SectionStates, locale: Locale): ComingItem[] {
  const items = new Map<string, ComingItem>();
  for (const section of SECTIONS) {
    const state = states[section];
    if (!state.offered || state.open || !state.firstOpening || !state.reopensOn) continue;
    const description = state.firstOpening.description?.[locale];
    const item = items.get(state.reopensOn) ?? { date: state.reopensOn, sections: [], descriptions: [] };
    item.sections.push(t(locale, `section.${section}`));
    if (description && !item.descriptions.includes(description)) item.descriptions.push(description);
    items.set(state.reopensOn, item);
  }
  return [...items.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** Whether any section of the child can be looked at today. */
export function anythingOpen(states: SectionStates): boolean {
  return SECTIONS.some((s) => states[s].offered && states[s].open);
}
