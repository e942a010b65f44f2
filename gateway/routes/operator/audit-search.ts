/**
 * The audit log for staff (role beheer) at /beheer/audit: GET shows the form; POST searches (the
 * filters can name people, so they never travel in a URL), pages with buttons that post the same
 * filters back, and with export=csv answers every match as a CSV download. Every search and
 * every export is itself audited.
 */
import { Router, type Request, type Response } from 'express';
import { AUDIT_CSV_MAX, auditCsv, auditPage, filtersOf, queryOf, type AuditFilters } from '../../audit/audit-search.ts';
import { listStaff } from '../../operators/staff-members.ts';
import { AUDIT_KINDS, type AuditRecord } from '../../store/types.ts';
import { displayName } from '../parent/view-models/person-name.ts';
import { SECTIONS } from '../parent/section-policy.ts';
import { auditOperator } from './audit.ts';
import { bodyField } from './body-field.ts';
import type { OperatorRouterDeps, OperatorUser } from './deps.ts';
import { requireRole } from './guard.ts';

const ROUTE = '/audit';
/** Sections the audit log names besides the parents' ones. */
const STAFF_SECTIONS = ['accounts', 'changes.queue'];

export function createAuditSearchRouter(deps: OperatorRouterDeps): Router {
  const router = Router();
  router.use(ROUTE, requireRole('beheer'));
  const operatorOf = (res: Response) => res.locals.operator as OperatorUser;

  async function children() {
    const ids = new Set((await deps.store.accounts.list()).flatMap((a) => a.studentIds ?? []));
    const out: Array<{ studentId: string; name: string }> = [];
    for (const studentId of ids) {
      const name = await deps.sis.getStudent(studentId).then((s) => displayName(s.value.name), () => undefined);
      if (name) out.push({ studentId, name });
    }
    return out;
  }

  async function formModel(filters?: AuditFilters) {
    const staff = await listStaff(deps.store, deps.operators);
    return {
      filters,
      staff: staff.map((s) => ({ id: s.id, name: s.name, selected: s.id === filters?.staff })),
      sections: [...SECTIONS, ...STAFF_SECTIONS].map((s) => ({ value: s, selected: s === filters?.section })),
      kinds: AUDIT_KINDS.map((k) => ({ value: k, labelKey: `operator.audit.kind.${k}`, selected: k === filters?.kind })),
      staffNames: new Map(staff.map((s) => [s.id, s.name])),
    };
  }

  async function rowsOf(records: AuditRecord[], staffNames: Map<string, string>) {
    const usernames = new Map((await deps.store.accounts.list()).map((a) => [a.id, a.username]));
    return records.map((r) => ({
      at: r.at,
      actor: r.actorKind === 'operator' ? (staffNames.get(r.actor) ?? r.actor) : r.actorKind === 'parent' ? (usernames.get(r.actor) ?? r.actor) : r.actor,
      actorKindKey: `operator.audit.actorKind.${r.actorKind}`,
      action: r.action,
      section: r.section,
      studentId: r.studentId,
      detail: r.detail ? Object.entries(r.detail).map(([k, v]) => `${k}: ${String(v)}`).join(', ') : '',
    }));
  }

  const render = (res: Response, status: number, model: Record<string, unknown>) => res.status(status).render('pages/operator/audit', {
    layout: 'operator', titleKey: 'operator.audit.title', nav: 'audit', operator: operatorOf(res), ...model,
  });

  router.get(ROUTE, async (_req, res) => {
    const { staffNames: _names, ...model } = await formModel();
    render(res, 200, model);
  });

  router.post(ROUTE, async (req: Request, res: Response) => {
    const filters = filtersOf((name, max) => bodyField(req.body, name, max));
    const { staffNames, ...model } = await formModel(filters);
    const resolved = await queryOf(filters, { store: deps.store, children });
    if (resolved.errors) return render(res, 422, { ...model, errors: resolved.errors, matches: resolved.matches });
    const { query } = resolved;
    const used = Object.keys(query).sort().join(',') || 'none';
    if (bodyField(req.body, 'export', 3) === 'csv') {
      const records = await deps.store.audit.query({ ...query, limit: AUDIT_CSV_MAX });
      await auditOperator(deps.store, deps.clock, {
        actor: operatorOf(res).username, action: 'operator.audit.export', section: 'audit', requestId: res.locals.requestId,
        detail: { filters: used, rows: records.length },
      });
      res.set('Content-Type', 'text/csv; charset=utf-8');
      res.set('Content-Disposition', `attachment; filename="audit-${deps.clock.now().toISOString().slice(0, 10)}.csv"`);
      return void res.send(auditCsv(records));
    }
    const { records, total, pages } = await auditPage(deps.store, query, filters.page);
    await auditOperator(deps.store, deps.clock, {
      actor: operatorOf(res).username, action: 'operator.audit.search', section: 'audit', requestId: res.locals.requestId,
      detail: { filters: used, matches: total, page: filters.page },
    });
    render(res, 200, {
      ...model, searched: true, total, page: filters.page, pages, rows: await rowsOf(records, staffNames),
      ...(filters.page > 1 ? { previous: filters.page - 1 } : {}), ...(filters.page < pages ? { next: filters.page + 1 } : {}),
    });
  });

  return router;
}
