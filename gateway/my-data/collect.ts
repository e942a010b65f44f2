/**
 * "Mijn gegevens" (AVG art. 15, inzage): everything the portal holds and shows about a parent and
 * their children, as this parent may see it now — built only from what the privacy filter
 * (privacy/visible.ts) and the calendar allow, so the copy carries nothing the pages would not
 * show: geheim data of others stays out (and is not marked as left out), closed sections are
 * listed with their reopening date and their data is not fetched, other parents' views and
 * corrections are not in it. The staff's views and changes of the children come from the audit.
 */
import type { Absence, TestResult } from '../../adapters/contract/index.ts';
import type { AbsenceReports } from '../absence-report/reports.ts';
import type { ChangeRequests } from '../changes/change-requests.ts';
import type { LeaveRequests } from '../leave/requests.ts';
import type { ChangeStatusEntry } from '../changes/types.ts';
import { topicsOf } from '../notifications/prefs.ts';
import { viewerFamily, studentOrNothing } from '../routes/parent/child-context.ts';
import type { ParentRouterDeps } from '../routes/parent/deps.ts';
import { sectionStates, showable, type Section, type SectionState } from '../routes/parent/section-policy.ts';
import { visibleChild, type VisibleChild } from '../privacy/visible.ts';
import { schoolYearOf } from '../sis/school-year.ts';
import type { Account } from '../store/types.ts';

export type MyDataDeps = Pick<ParentRouterDeps, 'sis' | 'store' | 'clock' | 'policy'> & {
  changes?: ChangeRequests; absenceReports?: AbsenceReports; leave?: LeaveRequests;
};

type AbsenceRecordOrSummary = Absence;
type ShownChild = Omit<VisibleChild, 'addressHidden' | 'emergencyHidden' | 'studentId'>;

export interface MyDataChild {
  /** Only to tie audit records to a child here; never shown or downloaded. */
  studentId: string;
  name: VisibleChild['name'];
  /** Absent while the pupil has no group yet (before the new school year's placement starts). */
  group?: string;
  personalia?: ShownChild;
  /** Without the SIS's ids (the parent's copy needs none). */
  absences?: Array<Omit<AbsenceRecordOrSummary, 'id' | 'studentId'>>;
  results?: Array<Omit<TestResult, 'id' | 'studentId'>>;
  /** Sections the calendar keeps closed now, with their reopening date. */
  closed: Array<{ section: Section; reopensOn?: string }>;
  corrections: Array<{
    reference: string; submittedAt: string; status: string; schoolNote?: string;
    /** Stuck (changes/delays.ts): the parent sees "delayed, the school is looking into it", not why. */
    delayed?: true;
    fields: Array<{ field: string; old?: string; new: string; secret?: boolean }>; history: ChangeStatusEntry[];
  }>;
  /** Days this parent reported the child absent (the other parent's reports are theirs). */
  absenceReports: Array<{ reference: string; date: string; dayPart: string; reason: string; note?: string; reportedAt: string }>;
  /** This parent's leave requests, with the school's decision. */
  leaveRequests: Array<{ reference: string; from: string; to: string; reason: string; status: string; note?: string; submittedAt: string }>;
  /** Views and changes by school staff (the audit), newest first. */
  staffAccess: Array<{ at: string; by: string; action: string; section?: string }>;
}

export interface MyDataCopy {
  generatedAt: string;
  account: {
    username: string; email?: string; notificationEmail?: string; locale?: string; scope: string;
    notificationTopics: string[]; lastLoginAt?: string; logins: string[];
    activeSessions: Array<{ expiresAt: string }>;
  };
  children: MyDataChild[];
}

const RESULT_KINDS: Record<'results.method' | 'results.lvs', string[]> = { 'results.method': ['method'], 'results.lvs': ['lvs', 'doorstroom'] };

function shown(child: VisibleChild): ShownChild {
  // The internal flags say whether something is hidden: never part of what a parent gets.
  const { addressHidden: _a, emergencyHidden: _e, studentId: _s, ...rest } = child;
  return rest;
}

function closedOf(states: Record<Section, SectionState>): MyDataChild['closed'] {
  return (Object.entries(states) as Array<[Section, SectionState]>)
    .filter(([, state]) => state.offered && !showable(state))
    .map(([section, state]) => ({ section, ...(state.reopensOn ? { reopensOn: state.reopensOn } : {}) }));
}

async function childCopy(deps: MyDataDeps, user: Express.User, account: Account, studentId: string): Promise<MyDataChild | undefined> {
  const family = await viewerFamily(deps, user);
  const student = await studentOrNothing(deps, studentId);
  if (!student || !family.guardian) return undefined;
  const states = await sectionStates(deps.policy, deps.sis.capabilities, student.value.jaargroep);
  const copy: MyDataChild = {
    studentId, name: { ...student.value.name }, ...(student.value.group ? { group: student.value.group.name } : {}), closed: closedOf(states), corrections: [], absenceReports: [], leaveRequests: [], staffAccess: [],
  };
  if (showable(states.personalia)) {
    const guardians = await deps.sis.listGuardiansOfStudent(studentId);
    copy.personalia = shown(visibleChild({ viewer: user, viewerGuardian: family.guardian.value, student: student.value, guardians: guardians.value }));
  }
  if (showable(states.absences)) {
    const year = schoolYearOf(deps.clock.now());
    copy.absences = (await deps.sis.listAbsences(studentId, { from: year.from, to: year.to })).value
      .map(({ id: _id, studentId: _s, ...a }) => a);
  }
  const kinds = (['results.method', 'results.lvs'] as const).filter((s) => showable(states[s])).flatMap((s) => RESULT_KINDS[s]);
  if (kinds.length > 0) {
    copy.results = (await deps.sis.listResults(studentId)).value.filter((r) => kinds.includes(r.kind))
      .map(({ id: _id, studentId: _s, ...r }) => r);
  }
  const changes = deps.changes;
  for (const r of (await changes?.listForChild(account.id, studentId)) ?? []) {
    copy.corrections.push({
      reference: r.reference, submittedAt: r.submittedAt, status: r.status, ...(r.schoolNote ? { schoolNote: r.schoolNote } : {}),
      ...((await changes?.delayOf(r)) && { delayed: true as const }),
      fields: r.fields.map((f) => ({ ...f })), history: r.history.map((h) => ({ ...h })),
    });
  }
  copy.absenceReports = ((await deps.absenceReports?.listForStudent(studentId)) ?? []).filter((r) => r.accountId === account.id)
    .map((r) => ({ reference: r.reference, date: r.date, dayPart: r.dayPart, reason: r.reasonText, ...(r.note ? { note: r.note } : {}), reportedAt: r.reportedAt }));
  copy.leaveRequests = ((await deps.leave?.listForChild(account.id, studentId)) ?? []).map((r) => ({
    reference: r.reference, from: r.from, to: r.to, reason: r.reason, status: r.status,
    ...(r.decision?.note ? { note: r.decision.note } : {}), submittedAt: r.submittedAt,
  }));
  copy.staffAccess = (await deps.store.audit.query({ studentId }))
    .filter((a) => a.actorKind === 'operator')
    .map((a) => ({ at: a.at, by: a.actor, action: a.action, ...(a.section ? { section: a.section } : {}) }));
  return copy;
}

export async function collectMyData(deps: MyDataDeps, user: Express.User): Promise<MyDataCopy | undefined> {
  const account = await deps.store.accounts.get(user.accountId);
  if (!account) return undefined;
  const now = deps.clock.now();
  const family = await viewerFamily(deps, user);
  const children: MyDataChild[] = [];
  for (const studentId of family.studentIds) {
    const child = await childCopy(deps, user, account, studentId);
    if (child) children.push(child);
  }
  const logins = (await deps.store.audit.query({ actor: account.id, action: 'login', limit: 20 })).map((a) => a.at);
  return {
    generatedAt: now.toISOString(),
    account: {
      username: account.username,
      ...(account.email ? { email: account.email } : {}),
      ...(account.notificationEmail ? { notificationEmail: account.notificationEmail } : {}),
      ...(account.locale ? { locale: account.locale } : {}),
      scope: account.scope,
      notificationTopics: await topicsOf(deps.store, account.id),
      ...(account.lastLoginAt ? { lastLoginAt: account.lastLoginAt } : {}),
      logins,
      activeSessions: (await deps.store.sessions.listByAccount(account.id, now)).map((s) => ({ expiresAt: s.expiresAt })),
    },
    children,
  };
}

/** The download: the copy without the internal ids. */
export function downloadable(copy: MyDataCopy): object {
  return { ...copy, children: copy.children.map(({ studentId: _id, ...child }) => child) };
}
