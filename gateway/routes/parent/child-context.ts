/**
 * "Is this child theirs?" — from the viewer's own guardian record only. The handle is matched
 * against the viewer's own children; nothing about any other pupil is ever asked of the SIS.
 */
import type { Guardian, Student } from '../../../adapters/contract/index.ts';
import { isSisError } from '../../../adapters/contract/index.ts';
import { visibleChildLinks } from '../../privacy/visible.ts';
import { localDateOf } from '../../policy/local-time.ts';
import { sectionAccess, type SectionAccess } from '../../privacy/section-access.ts';
import type { Served } from '../../sis/types.ts';
import type { ParentRouterDeps } from './deps.ts';
import { sectionStates, statesWithinGrant, type SectionStates } from './section-policy.ts';

export interface ViewerFamily {
  guardian: Served<Guardian> | undefined;
  /** Ids of the children this viewer may see. */
  studentIds: string[];
}

/** The viewer's guardian record and visible children; a guardian the SIS no longer knows has none. */
export async function viewerFamily(deps: Pick<ParentRouterDeps, 'sis'>, user: Express.User): Promise<ViewerFamily> {
  try {
    const guardian = await deps.sis.getGuardian(user.guardianId);
    return { guardian, studentIds: visibleChildLinks(guardian.value, user.scope).map((l) => l.studentId) };
  } catch (err) {
    if (isSisError(err, 'SIS_NOT_FOUND')) return { guardian: undefined, studentIds: [] };
    throw err;
  }
}

/** A student record, or undefined when the pupil has left (SIS_NOT_FOUND). */
export async function studentOrNothing(deps: Pick<ParentRouterDeps, 'sis'>, studentId: string): Promise<Served<Student> | undefined> {
  try {
    return await deps.sis.getStudent(studentId);
  } catch (err) {
    if (isSisError(err, 'SIS_NOT_FOUND')) return undefined;
    throw err;
  }
}

export interface ChildContext {
  handle: string;
  studentId: string;
  guardian: Served<Guardian>;
  student: Served<Student>;
  states: SectionStates;
  /** Sections this viewer may see at all (gezag, grant), before the calendar: privacy/section-access.ts. */
  access: SectionAccess;
  /** Today's local date (Europe/Amsterdam). */
  today: string;
}

/** The calendar's and the portal's time zone. */
export const PORTAL_TIME_ZONE = 'Europe/Amsterdam';

/** The viewer's child behind `handle`, or undefined for anything else (→ the one 404). */
export async function resolveChild(
  deps: Pick<ParentRouterDeps, 'sis' | 'handles' | 'policy' | 'store' | 'clock'>,
  user: Express.User,
  handle: string,
): Promise<ChildContext | undefined> {
  const family = await viewerFamily(deps, user);
  const studentId = deps.handles.resolve(user.accountId, handle, family.studentIds);
  if (!studentId || !family.guardian) return undefined;
  const student = await studentOrNothing(deps, studentId);
  if (!student) return undefined;
  // The calendar's answer, narrowed to what an operator's grant covers (a limited account).
  const states = statesWithinGrant(await sectionStates(deps.policy, deps.sis.capabilities, student.value.jaargroep), user);
  const today = localDateOf(deps.clock.now(), PORTAL_TIME_ZONE);
  // The grant lives on the account; a 'full' viewer needs no lookup.
  const grant = user.scope === 'limited' ? (await deps.store.accounts.get(user.accountId))?.grant : undefined;
  const access = sectionAccess({ scope: user.scope, ...(grant && { grant }) }, today);
  return { handle, studentId, guardian: family.guardian, student, states, access, today };
}
