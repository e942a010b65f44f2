/**
 * Who may hear that a report of a child is available: every active account that opted in to
 * 'reports' and — without gezag — holds a grant covering reports on `day`, for each of its
 * children the SIS still knows, with the child's jaargroep and the reports issued by `day`
 * (newest first). Shared by the section-opened job and the daily check (reports-job.ts).
 */
import { isSisError, type ReportCard } from '../../adapters/contract/index.ts';
import { grantAllows } from '../privacy/grant.ts';
import { issuedReports } from '../reports/issued.ts';
import type { Services } from '../services.ts';
import { topicsOf } from './prefs.ts';

export interface ReportListener {
  accountId: string;
  studentId: string;
  jaargroep: number | undefined;
  issued: ReportCard[];
}

export async function* reportAudience(deps: Pick<Services, 'store' | 'sis'>, day: string): AsyncGenerator<ReportListener> {
  for (const account of await deps.store.accounts.list()) {
    if (account.status !== 'active' || !grantAllows(account, 'reports', day)) continue;
    if (!(await topicsOf(deps.store, account.id)).includes('reports')) continue;
    for (const studentId of account.studentIds ?? []) {
      let listener: ReportListener;
      try {
        const { jaargroep } = (await deps.sis.getStudent(studentId)).value;
        listener = { accountId: account.id, studentId, jaargroep, issued: issuedReports((await deps.sis.listReports(studentId)).value, day) };
      } catch (err) {
        if (isSisError(err, 'SIS_NOT_FOUND')) continue;
        throw err;
      }
      yield listener;
    }
  }
}
