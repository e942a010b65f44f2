/**
 * Parents' leave requests for the head (/beheer/verlof, role directie; beheer includes it): the
 * open requests first, each with the days and the number of school days; approve or refuse with a
 * note the parent reads (required to refuse). A request of more than 10 school days is marked: the
 * head passes it on to the leerplichtambtenaar and records that decision here. Every decision is
 * audited (leave.approved / leave.refused) and told to the parent if they opted in; every look at
 * the page is audited, once for each child listed.
 */
import { Router, type Request, type Response } from 'express';
import type { LeaveRequests } from '../../leave/requests.ts';
import { HEAD_DECIDES_MAX_DAYS } from '../../leave/types.ts';
import { auditOperator } from './audit.ts';
import type { OperatorRouterDeps, OperatorUser } from './deps.ts';
import { requireRole } from './guard.ts';

const ROUTE = '/verlof';
const FLASHES = ['approved', 'refused', 'noteRequired', 'alreadyDecided'] as const;
const NOTE_MAX = 1000;

export function createLeaveRouter(deps: OperatorRouterDeps & { leave: LeaveRequests }): Router {
  const router = Router();
  router.use(ROUTE, requireRole('directie'));

  router.get(ROUTE, async (req: Request, res: Response) => {
    const operator = res.locals.operator as OperatorUser;
    const requests = await deps.leave.list();
    const rows = requests.map((r) => ({
      id: r.id, reference: r.reference, studentName: r.studentName, groupName: r.groupName, guardianName: r.guardianName,
      from: r.from, to: r.to, schoolDays: r.schoolDays, reason: r.reason, submittedAt: r.submittedAt,
      statusKey: `leave.status.${r.status}`, open: r.status === 'submitted', note: r.decision?.note, decidedBy: r.decision?.by,
      leerplicht: r.schoolDays > HEAD_DECIDES_MAX_DAYS,
    }));
    const flash = (FLASHES as readonly unknown[]).includes(req.query.melding) ? `leave.staff.flash.${String(req.query.melding)}` : undefined;
    const html = await new Promise<string>((resolve, reject) => res.render('pages/operator/leave-requests', {
      layout: 'operator', titleKey: 'leave.staff.title', nav: 'leave', operator, rows, flash, maxDays: HEAD_DECIDES_MAX_DAYS,
    }, (err, out) => (err ? reject(err) : resolve(out))));
    await auditOperator(deps.store, deps.clock, { actor: operator.username, action: 'view', section: 'leave.queue', requestId: res.locals.requestId, detail: { rows: rows.length } });
    for (const studentId of new Set(requests.map((r) => r.studentId))) {
      await auditOperator(deps.store, deps.clock, { actor: operator.username, action: 'view', section: 'leave', studentId, requestId: res.locals.requestId, detail: { page: 'queue' } });
    }
    res.send(html);
  });

  router.post(`${ROUTE}/:id/besluit`, async (req: Request, res: Response) => {
    const operator = res.locals.operator as OperatorUser;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const status = body.besluit === 'approved' ? 'approved' : body.besluit === 'refused' ? 'refused' : undefined;
    const note = typeof body.note === 'string' ? body.note.trim().slice(0, NOTE_MAX) : '';
    if (!status) return void res.status(400).render('errors/404', { layout: 'operator' });
    const back = (flash: (typeof FLASHES)[number]) => res.redirect(303, `/beheer${ROUTE}?melding=${flash}`);
    if (status === 'refused' && note === '') return back('noteRequired');
    const outcome = await deps.leave.decide(String(req.params.id), { status, actor: operator.username, requestId: res.locals.requestId, ...(note ? { note } : {}) });
    if (!outcome) return void res.status(404).render('errors/404', { layout: 'operator' });
    back(outcome.decided ? status : 'alreadyDecided');
  });

  return router;
}
