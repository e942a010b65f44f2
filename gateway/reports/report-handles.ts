/**
 * What stands for a report in a URL: an HMAC of (account, pupil, report), made with the child
 * handles' key, so a URL names neither the pupil nor the SIS's report id and a link copied from
 * one parent's browser means nothing in another's. "\0" never occurs in SIS ids, so a report
 * handle can never equal a child handle.
 */
import type { ReportCard } from '../../adapters/contract/index.ts';
import type { ChildHandles } from '../privacy/child-handles.ts';

const subjectOf = (studentId: string, reportId: string) => `${studentId}\0report\0${reportId}`;

export function reportHandle(handles: ChildHandles, accountId: string, report: Pick<ReportCard, 'studentId' | 'id'>): string {
  return handles.handleFor(accountId, subjectOf(report.studentId, report.id));
}

/** The one of `reports` the handle stands for, or undefined. */
export function resolveReport<R extends Pick<ReportCard, 'studentId' | 'id'>>(
  handles: ChildHandles, accountId: string, handle: string, reports: readonly R[],
): R | undefined {
  const subjects = reports.map((r) => subjectOf(r.studentId, r.id));
  const found = handles.resolve(accountId, handle, subjects);
  return found === undefined ? undefined : reports[subjects.indexOf(found)];
}
