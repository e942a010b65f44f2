/** The dashboard: one card per child the parent may see. */
import type { ChildSummary } from '../../../privacy/visible.ts';
import type { ComingItem } from './coming.ts';
import { displayName } from './person-name.ts';

export interface ChildCard {
  href: string;
  name: string;
  /** Absent before the pupil's placement starts ("no group yet"). */
  groupName?: string;
  jaargroep?: number;
  teachers: string[];
  /** Sections that open for the first time on a known day (view-models/coming.ts). */
  coming?: ComingItem[];
}

export function childCard(handle: string, child: ChildSummary): ChildCard {
  return {
    href: `/kind/${handle}`,
    name: displayName(child.name),
    ...(child.group && { groupName: child.group.name }),
    ...(child.jaargroep !== undefined && { jaargroep: child.jaargroep }),
    teachers: child.teachers.map(displayName),
  };
}

/** Cards in a stable order: youngest group last, so siblings read from oldest to youngest. */
export function dashboardCards(cards: ChildCard[]): ChildCard[] {
  return [...cards].sort((a, b) => (b.jaargroep ?? 0) - (a.jaargroep ?? 0) || a.name.localeCompare(b.name, 'nl'));
}
