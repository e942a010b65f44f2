/**
 * Which of a child's sections a viewer may see at all, by gezag and grant, before the calendar
 * has its say (DOMAIN §5):
 * - a parent with gezag ('full') sees every section;
 * - a parent without gezag ('limited') sees reports only when an operator's grant covers
 *   'reports' on this day (art. 1:377b/c BW: school reports are the information the law names);
 * - medical data (AVG art. 9) is never shown to a limited account, whatever a grant says.
 * Sections not listed here are left to the rules that already govern them.
 */
import { grantAllows, type AccessGrant } from './grant.ts';

export const GATED_SECTIONS = ['reports', 'medical'] as const;
export type GatedSection = (typeof GATED_SECTIONS)[number];

export interface SectionViewer {
  scope: 'full' | 'limited';
  grant?: AccessGrant;
}

export type SectionAccess = Record<GatedSection, boolean>;

export function sectionAccess(viewer: SectionViewer, localDay: string): SectionAccess {
  return {
    reports: grantAllows(viewer, 'reports', localDay),
    medical: viewer.scope === 'full',
  };
}
