/**
 * What a reload changed, by rule id, so the log says "closure rapport-juni changed" instead of
 * "the calendar changed".
 */
import type { Calendar } from './calendar-types.ts';

export type RuleList = 'open' | 'closures' | 'events';

export interface CalendarDiff {
  added: string[];
  removed: string[];
  changed: string[];
  /** Settings outside the rule lists that changed (timezone, schoolYear). */
  settings: string[];
}

const LISTS: readonly RuleList[] = ['open', 'closures', 'events'];
const LABEL: Record<RuleList, string> = { open: 'open', closures: 'closure', events: 'event' };

/** Entries read "open admin", "closure rapport-juni", "event uitnodigingen". */
export function diffCalendars(before: Calendar, after: Calendar): CalendarDiff {
  const diff: CalendarDiff = { added: [], removed: [], changed: [], settings: [] };
  for (const list of LISTS) {
    const old = new Map<string, unknown>(before[list].map((rule) => [rule.id, rule]));
    const now = new Map<string, unknown>(after[list].map((rule) => [rule.id, rule]));
    for (const [id, rule] of now) {
      const label = `${LABEL[list]} ${id}`;
      if (!old.has(id)) diff.added.push(label);
      else if (JSON.stringify(old.get(id)) !== JSON.stringify(rule)) diff.changed.push(label);
    }
    for (const id of old.keys()) if (!now.has(id)) diff.removed.push(`${LABEL[list]} ${id}`);
  }
  if (before.timezone !== after.timezone) diff.settings.push('timezone');
  if (before.schoolYear !== after.schoolYear) diff.settings.push('schoolYear');
  return diff;
}

export function isEmptyDiff(diff: CalendarDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length + diff.settings.length === 0;
}

/** "added: closure x; removed: open y; changed: event z" or "no changes". */
export function summarizeDiff(diff: CalendarDiff): string {
  const parts = [
    diff.added.length ? `added: ${diff.added.join(', ')}` : '',
    diff.removed.length ? `removed: ${diff.removed.join(', ')}` : '',
    diff.changed.length ? `changed: ${diff.changed.join(', ')}` : '',
    diff.settings.length ? `settings: ${diff.settings.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'no changes';
}
