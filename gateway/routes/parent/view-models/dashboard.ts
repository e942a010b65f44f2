/** The dashboard: one card per child the parent may see. */
import type { ChildSummary } from '../../../privacy/visible.ts';
import { displayName } from './person-name.ts';

export interface ChildCard {
  href: string;
  name: string;
  groupName: string;
  jaargroep: number;
  teachers: string[];
}

export function childCard(handle: string, child: ChildSummary): ChildCard {
  return {
    href: `/kind/${handle}`,
    name: displayName(child.name),
    groupName: child.group.name,
    jaargroep: child.jaargroep,
    teachers: child.teachers.map(displayName),
  };
}

/** Cards in a stable order: youngest group last, so siblings read from oldest to youngest. */
export function dashboardCards(cards: ChildCard[]): ChildCard[] {
  return [...cards].sort((a, b) => b.jaargroep - a.jaargroep || a.name.localeCompare(b.name, 'nl'));
}
