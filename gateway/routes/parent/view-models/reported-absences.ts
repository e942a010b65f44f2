/**
 * Days a parent reported absent that the SIS does not list yet: shown on the absences page as
 * "gemeld door u" (the other parent with gezag: "gemeld") until the SIS's own record of that day
 * is there. Only to viewers who may report for the child themselves.
 */
import type { Absence } from '../../../../adapters/contract/index.ts';
import type { AbsenceReportRecord } from '../../../absence-report/types.ts';
import type { ChildContext } from '../child-context.ts';
import { maySubmitFor } from './change-requests.ts';

/**
 * Reports absence, asks for leave or for a conversation for this child: a parent with gezag, or a
 * limited account whose grant names the section (the school's say: without it a limited account
 * does none of these).
 */
export function mayReportFor(user: Express.User, ctx: Pick<ChildContext, 'guardian' | 'studentId'>, section: 'absence-report' | 'leave' | 'conversations'): boolean {
  if (user.scope === 'limited') return user.sections?.includes(section) === true;
  return maySubmitFor(user, ctx.guardian.value, ctx.studentId);
}

export interface ReportedAbsenceRow {
  date: string;
  dayPartKey: string;
  reason: string;
  byYou: boolean;
}

export function reportedNotInSis(
  reports: readonly AbsenceReportRecord[], sis: readonly Absence[], range: { from: string; to: string }, accountId: string,
): ReportedAbsenceRow[] {
  const known = new Set(sis.flatMap((a) => (a.kind === 'summary' ? [] : [a.date])));
  return reports
    .filter((r) => r.date >= range.from && r.date <= range.to && !known.has(r.date))
    .map((r) => ({ date: r.date, dayPartKey: `dayPart.${r.dayPart}`, reason: r.reasonText, byYou: r.accountId === accountId }));
}
