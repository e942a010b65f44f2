/**
 * What a calendar change means for parents, before it is saved: on which dates which sections
 * open or close for which groups under the new calendar where the old one said otherwise, what
 * changes at this very moment, and which changes need the operator's explicit confirmation.
 * Answers come from the policy's own evaluation (stateOnDate), so the preview cannot disagree with
 * what parents will see.
 */
import type { Bilingual, Calendar, ScheduledEvent } from '../policy/calendar-types.ts';
import { boundaryDates, stateOnDate } from '../policy/evaluate.ts';
import { instantOfLocalDateTime } from '../policy/local-time.ts';
import { JAARGROEPEN, SECTIONS, type Jaargroep, type Section } from '../policy/vocabulary.ts';
import { whatIsOpen } from '../policy/what-is-open.ts';

export interface ImpactChange {
  section: Section;
  groups: Jaargroep[];
  /** The first local date it applies. */
  from: string;
  /** The first local date it no longer applies; absent: from then on. */
  until?: string;
  /** Open before and after; both false with a new reason when only the reason changes. */
  before: boolean;
  after: boolean;
  /** The reason parents read under the new calendar, when a closure closes it. */
  reason?: Bilingual;
}

interface SegmentState { before: boolean; after: boolean; reason?: Bilingual; key: string }

function stateAt(before: Calendar, after: Calendar, section: Section, group: Jaargroep, date: string): SegmentState | undefined {
  const old = stateOnDate(before, section, group, date);
  const now = stateOnDate(after, section, group, date);
  const oldReason = JSON.stringify(old.closure?.reason ?? null);
  const newReason = JSON.stringify(now.closure?.reason ?? null);
  if (old.open === now.open && (now.open || oldReason === newReason)) return undefined;
  return {
    before: old.open, after: now.open,
    ...(now.closure ? { reason: now.closure.reason } : {}),
    key: `${old.open}|${now.open}|${newReason}`,
  };
}

/** Every stretch of days on which a parent's view differs, in date order, then in section order. */
export function parentImpact(before: Calendar, after: Calendar): ImpactChange[] {
  // Before the first boundary no rule applies under either calendar: nothing differs there.
  const dates = [...new Set([...boundaryDates(before), ...boundaryDates(after)])].sort();
  const changes: ImpactChange[] = [];
  for (const section of SECTIONS) {
    const open = new Map<string, ImpactChange>();
    dates.forEach((date, i) => {
      const next = dates[i + 1];
      const byKey = new Map<string, { state: SegmentState; groups: Jaargroep[] }>();
      for (const group of JAARGROEPEN) {
        const state = stateAt(before, after, section, group, date);
        if (!state) continue;
        const entry = byKey.get(state.key) ?? { state, groups: [] };
        entry.groups.push(group);
        byKey.set(state.key, entry);
      }
      const seen = new Set<string>();
      for (const { state, groups } of byKey.values()) {
        const id = `${state.key}|${groups.join(',')}`;
        seen.add(id);
        const running = open.get(id);
        if (running) {
          if (next === undefined) delete running.until;
          else running.until = next;
          continue;
        }
        const change: ImpactChange = {
          section, groups, from: date, ...(next !== undefined ? { until: next } : {}),
          before: state.before, after: state.after, ...(state.reason ? { reason: state.reason } : {}),
        };
        changes.push(change);
        open.set(id, change);
      }
      for (const id of [...open.keys()]) if (!seen.has(id)) open.delete(id);
    });
  }
  return changes.sort((a, b) => a.from.localeCompare(b.from) || SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section));
}

export interface NowChange {
  section: Section;
  groups: Jaargroep[];
  before: boolean;
  after: boolean;
  reason?: Bilingual;
}

/** The sections whose state changes the moment the new calendar is saved, per group. */
export function changesNow(before: Calendar, after: Calendar, now: Date): NowChange[] {
  const old = whatIsOpen(before, now);
  const next = whatIsOpen(after, now);
  const out: NowChange[] = [];
  next.sections.forEach((section, i) => {
    const was = old.sections[i]?.openForGroups ?? [];
    const closes = was.filter((g) => !section.openForGroups.includes(g));
    const opens = section.openForGroups.filter((g) => !was.includes(g));
    if (closes.length > 0) {
      const reason = stateOnDate(after, section.section, closes[0], next.date).closure?.reason;
      out.push({ section: section.section, groups: closes, before: true, after: false, ...(reason ? { reason } : {}) });
    }
    if (opens.length > 0) out.push({ section: section.section, groups: opens, before: false, after: true });
  });
  return out;
}

export interface Confirmation {
  /** Sections open right now that the change closes. */
  closesOpenSection: NowChange[];
  /** Invitation mailings the change puts in the past (added, or moved, to before now). */
  invitationsIntoPast: ScheduledEvent[];
}

export function confirmationNeeded(before: Calendar, after: Calendar, now: Date): Confirmation | undefined {
  const closesOpenSection = changesNow(before, after, now).filter((c) => c.before && !c.after);
  const invitationsIntoPast = after.events.filter((event) => {
    if (event.kind !== 'invitations') return false;
    const old = before.events.find((e) => e.id === event.id);
    if (old && old.at === event.at && old.kind === event.kind) return false;
    return instantOfLocalDateTime(event.at, after.timezone).getTime() < now.getTime();
  });
  return closesOpenSection.length + invitationsIntoPast.length > 0 ? { closesOpenSection, invitationsIntoPast } : undefined;
}
