/** The heading and sub-navigation every child page shares. */
import type { SectionAccess } from '../../../privacy/section-access.ts';
import type { ChildSummary } from '../../../privacy/visible.ts';
import { showable, type SectionState, type SectionStates } from '../section-policy.ts';
import { displayName } from './person-name.ts';

export type ChildPage = 'overview' | 'absences' | 'results' | 'reports' | 'medical' | 'conversation';

export interface ChildNavItem {
  href: string;
  labelKey: string;
  current: boolean;
  closed: boolean;
}

export interface ChildHeader {
  handle: string;
  name: string;
  givenName: string;
  /** Absent before the pupil's placement starts ("no group yet"). */
  groupName?: string;
  jaargroep?: number;
  teachers: string[];
  nav: ChildNavItem[];
}

/** Results show when either kind may be shown; the page then hides the other kind. */
function resultsState(states: SectionStates): SectionState {
  const method = states['results.method'];
  const lvs = states['results.lvs'];
  return {
    offered: method.offered || lvs.offered,
    open: showable(method) || showable(lvs),
  };
}

export function childHeader(
  handle: string,
  child: ChildSummary,
  states: SectionStates,
  current: ChildPage,
  access: SectionAccess = { reports: true, medical: true },
): ChildHeader {
  const base = `/kind/${handle}`;
  const pages: Array<{ page: ChildPage; href: string; state: SectionState }> = [
    { page: 'overview', href: base, state: states.personalia },
    { page: 'absences', href: `${base}/absenties`, state: states.absences },
    { page: 'results', href: `${base}/resultaten`, state: resultsState(states) },
    // A section the viewer may never see (no gezag, no grant) is not in the menu at all.
    ...(access.reports ? [{ page: 'reports' as const, href: `${base}/rapporten`, state: states.reports }] : []),
    ...(access.medical ? [{ page: 'medical' as const, href: `${base}/medisch`, state: states.medical }] : []),
    { page: 'conversation', href: `${base}/gesprek`, state: states.conversations },
  ];
  return {
    handle,
    name: displayName(child.name),
    givenName: child.name.given,
    ...(child.group && { groupName: child.group.name }),
    ...(child.jaargroep !== undefined && { jaargroep: child.jaargroep }),
    teachers: child.teachers.map(displayName),
    nav: pages
      .filter(({ page, state }) => page === 'overview' || state.offered)
      .map(({ page, href, state }) => ({
        href,
        labelKey: `child.nav.${page}`,
        current: page === current,
        closed: !state.open,
      })),
  };
}
