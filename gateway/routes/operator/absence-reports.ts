/**
 * Parents' absence reports for staff (/beheer/ziekmeldingen): today's and later days first, then
 * the recent past, each with who reported it, the reason and how it reached the school (the SIS,
 * or the teacher's or administration's mail). A mailed report is entered in the SIS by staff, who
 * then mark it "ingevoerd" here (audited); one that reached the SIS needs nothing. A look at the
 * page is audited once, and once for each child listed.
 */
import { Router, type Request, type Response } from 'express';
import type { AbsenceReports } from '../../absence-report/reports.ts';
import { localDateOf } from '../../policy/local-time.ts';
import { auditOperator } from './audit.ts';
import type { OperatorRouterDeps, OperatorUser } from './deps.ts';
import { requireRole } from './guard.ts';

const ROUTE = '/ziekmeldingen';
const FLASHES = ['processed', 'alreadyProcessed'] as const;

export function createAbsenceReportsRouter(deps: OperatorRouterDeps & { absenceReports: AbsenceReports }): Router {
  const router = Router();
  router.use(ROUTE, requireRole('administratie'));
  router.get(ROUTE, async (req: Request, res: Response) => {
    const operator = res.locals.operator as OperatorUser;
    const today = localDateOf(deps.clock.now(), 'Europe/Amsterdam');
    const all = await deps.absenceReports.list();
    const toView = (r: (typeof all)[number]) => ({
      reference: r.reference, date: r.date, dayPartKey: `dayPart.${r.dayPart}`, studentName: r.studentName, groupName: r.groupName,
      guardianName: r.guardianName, reason: r.reasonText, authorised: r.authorised, note: r.note, reportedAt: r.reportedAt,
      deliveryKey: r.delivery ? `absenceReport.staff.via.${r.delivery.via === 'mail' && r.delivery.routedTo === 'teacher' ? 'mailTeacher' : r.delivery.via}` : 'absenceReport.staff.via.pending',
      id: r.id, processed: r.processed, toProcess: r.delivery?.via === 'mail' && !r.processed,
    });
    const flash = (FLASHES as readonly unknown[]).includes(req.query.melding) ? `absenceReport.staff.flash.${String(req.query.melding)}` : undefined;
    const upcoming = all.filter((r) => r.date >= today).reverse().map(toView);
    const past = all.filter((r) => r.date < today).slice(0, 100).map(toView);
    const html = await new Promise<string>((resolve, reject) => res.render('pages/operator/absence-reports', {
      layout: 'operator', titleKey: 'absenceReport.staff.title', nav: 'absence-reports', operator, upcoming, past, flash,
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

  router.post(`${ROUTE}/:id/ingevoerd`, async (req: Request, res: Response) => {
    const operator = res.locals.operator as OperatorUser;
    const outcome = await deps.absenceReports.markProcessed(String(req.params.id), { actor: operator.username, requestId: res.locals.requestId });
    if (!outcome) return void res.status(404).render('errors/404', { layout: 'operator' });
    const flash: (typeof FLASHES)[number] = outcome.marked ? 'processed' : 'alreadyProcessed';
    res.redirect(303, `/beheer${ROUTE}?melding=${flash}#ziekmelding-${outcome.record.reference}`);
  });
  return router;
}
