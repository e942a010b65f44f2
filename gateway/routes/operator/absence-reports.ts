/**
 * Parents' absence reports for staff (/beheer/ziekmeldingen): today's and later days first, then
 * the recent past, each with who reported it, the reason and how it reached the school (the SIS,
 * or the administration's mail). Read-only: the SIS or the administration registers the absence.
 * A look at the page is audited once, and once for each child listed.
 */
import { Router, type Request, type Response } from 'express';
import type { AbsenceReports } from '../../absence-report/reports.ts';
import { localDateOf } from '../../policy/local-time.ts';
import { auditOperator } from './audit.ts';
import type { OperatorRouterDeps, OperatorUser } from './deps.ts';
import { requireRole } from './guard.ts';

const ROUTE = '/ziekmeldingen';

export function createAbsenceReportsRouter(deps: OperatorRouterDeps & { absenceReports: AbsenceReports }): Router {
  const router = Router();
  router.use(ROUTE, requireRole('administratie'));
  router.get(ROUTE, async (_req: Request, res: Response) => {
    const operator = res.locals.operator as OperatorUser;
    const today = localDateOf(deps.clock.now(), 'Europe/Amsterdam');
    const all = await deps.absenceReports.list();
    const toView = (r: (typeof all)[number]) => ({
      reference: r.reference, date: r.date, dayPartKey: `dayPart.${r.dayPart}`, studentName: r.studentName, groupName: r.groupName,
      guardianName: r.guardianName, reason: r.reasonText, authorised: r.authorised, note: r.note, reportedAt: r.reportedAt,
      deliveryKey: r.delivery ? `absenceReport.staff.via.${r.delivery.via === 'mail' && r.delivery.routedTo === 'teacher' ? 'mailTeacher' : r.delivery.via}` : 'absenceReport.staff.via.pending',
    });
    const upcoming = all.filter((r) => r.date >= today).reverse().map(toView);
    const past = all.filter((r) => r.date < today).slice(0, 100).map(toView);
    const html = await new Promise<string>((resolve, reject) => res.render('pages/operator/absence-reports', {
      layout: 'operator', titleKey: 'absenceReport.staff.title', nav: 'absence-reports', operator, upcoming, past,
    }, (err, out) => (err ? reject(err) : resolve(out))));
    await auditOperator(deps.store, deps.clock, {
      actor: operator.username, action: 'view', section: 'absence-report.queue', requestId: res.locals.requestId,
      detail: { rows: upcoming.length + past.length },
    });
    for (const studentId of new Set(all.filter((r) => r.date >= today).map((r) => r.studentId))) {
      await auditOperator(deps.store, deps.clock, {
        actor: operator.username, action: 'view', section: 'absence-report', studentId, requestId: res.locals.requestId, detail: { page: 'queue' },
      });
    }
    res.send(html);
  });
  return router;
}
