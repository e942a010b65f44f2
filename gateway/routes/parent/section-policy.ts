/**
 * The calendar's say over a child's sections, as the parent pages consume it. The policy itself
 * (config/calendar.yaml, DESIGN.md §3) is built elsewhere; without one, every section is open.
 */
import type { Capability } from '../../../adapters/contract/index.ts';
import type { Locale } from '../../i18n/translate.ts';
import { NOT_GRANTED_REASON } from '../../privacy/grant.ts';

export const SECTIONS = [
  'personalia', 'absences', 'results.method', 'results.lvs', 'changes', 'reports', 'medical', 'absence-report', 'leave', 'conversations', 'school-year',
] as const;
export type Section = (typeof SECTIONS)[number];

export interface SectionDecision {
  open: boolean;
  /** Why it is closed, shown to parents. */
  reason?: { nl: string; en: string };
  /** Local date (YYYY-MM-DD) the section opens again, when known. */
  reopensOn?: string;
  /** It has never been open yet: "opens on", with the calendar's description of what opens. */
  firstOpening?: { description?: { nl: string; en: string } };
}

export interface SectionPolicy {
  isOpen(section: Section, context: { studentJaargroep: number | undefined }): SectionDecision | Promise<SectionDecision>;
}

/**
 * The SIS capability a section's data comes from; personalia rides on the student record. A
 * correction is built on the student record too: without `changes.submit` it goes out by e-mail.
 */
export const CAPABILITY: Record<Section, Capability> = {
  personalia: 'students',
  absences: 'absences',
  'results.method': 'results.method',
  'results.lvs': 'results.lvs',
  changes: 'students',
  reports: 'reports',
  medical: 'medical',
  // Without `absences.report` a report goes to the staff queue and the administration's mail.
  'absence-report': 'students',
  // Leave is decided by the school in the portal; the SIS is not asked.
  leave: 'students',
  // A conversation request names the child's teacher; the school year needs the children's groups.
  conversations: 'students',
  'school-year': 'students',
};

export interface SectionState extends SectionDecision {
  /** The school's SIS stack can deliver this section at all. */
  offered: boolean;
}

export type SectionStates = Record<Section, SectionState>;

const ALWAYS_OPEN: SectionDecision = { open: true };

/** One section's state: the calendar's decision plus whether the school can offer it at all. */
export async function sectionState(
  policy: SectionPolicy | undefined,
  capabilities: ReadonlySet<Capability>,
  section: Section,
  studentJaargroep: number | undefined,
): Promise<SectionState> {
  const decision = policy ? await policy.isOpen(section, { studentJaargroep }) : ALWAYS_OPEN;
  return { ...decision, offered: capabilities.has(CAPABILITY[section]) };
}

export async function sectionStates(
  policy: SectionPolicy | undefined,
  capabilities: ReadonlySet<Capability>,
  studentJaargroep: number | undefined,
): Promise<SectionStates> {
  const entries = await Promise.all(SECTIONS.map(async (section) => (
    [section, await sectionState(policy, capabilities, section, studentJaargroep)] as const
  )));
  return Object.fromEntries(entries) as SectionStates;
}

/** A section may be shown (and its data fetched) only when offered and open. */
export function showable(state: SectionState): boolean {
  return state.offered && state.open;
}

/** The localised closing reason, for the closed page. */
export function reasonIn(state: SectionDecision, locale: Locale): string | undefined {
  return state.reason?.[locale];
}

/** A limited account (an operator's grant) sees only the sections granted: others are closed to it. */
export function withinGrant(state: SectionState, viewer: { scope: 'full' | 'limited'; sections?: string[] }, section: Section): SectionState {
  if (viewer.scope === 'full' || viewer.sections?.includes(section)) return state;
  return { offered: state.offered, open: false, reason: { ...NOT_GRANTED_REASON } };
}

/** withinGrant for every section. */
export function statesWithinGrant(states: SectionStates, viewer: { scope: 'full' | 'limited'; sections?: string[] }): SectionStates {
  return Object.fromEntries(SECTIONS.map((s) => [s, withinGrant(states[s], viewer, s)])) as SectionStates;
}
