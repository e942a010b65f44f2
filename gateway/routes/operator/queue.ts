/**
 * The change-request queue: list and filter; mark a request processed or rejected (with a note the
 * parent sees); send a parked delivery again. Every action and every look at the queue (it shows
 * parents' data) is audited, with one view record for each child listed. After an action the page redirects back with a message key from a
 * fixed list (nothing from the request is reflected).
 */
import { Router, type Request, type Response } from 'express';
import { DEFAULT_LOCALE, isLocale } from '../../i18n/translate.ts';
import { auditOperator } from './audit.ts';
import type { OperatorRouterDeps, OperatorUser } from './deps.ts';
import { sisValuesOf } from './queue-sis-values.ts';
import { QUEUE_FILTERS, matchesFilter, queueFilterOf, queueRow, type QueueRow } from './queue-view.ts';

const QUEUE = '/beheer/wijzigingen';
/** Routes are relative to the /beheer mount. */
const ROUTE = '/wijzigingen';
const FLASHES = ['processed', 'rejected', 'noteRequired', 'alreadyDecided', 'requeued', 'notParked'] as const;
const NOTE_MAX = 1000;

function back(res: Response, flash: (typeof FLASHES)[number], filter: string): void {
  res.redirect(303, `${QUEUE}?toon=${encodeURIComponent(filter)}&melding=${flash}`);
}

export function createQueueRouter(deps: OperatorRouterDeps): Router {
  const router = Router();
  const operatorOf = (res: Response) => res.locals.operator as OperatorUser;

  router.get(ROUTE, async (req: Request, res: Response) => {
    const operator = operatorOf(res);
    const locale = isLocale(res.locals.locale) ? res.locals.locale : DEFAULT_LOCALE;
    const filter = queueFilterOf(req.query.toon);
    const rows: QueueRow[] = [];
    const children = new Set<string>();
    for (const request of await deps.changes.list()) {
      const item = await deps.outbox.get(request.deliveryKey);
      const delay = await deps.changes.delayOf(request);
      if (!matchesFilter(filter, request, item, delay)) continue;
      const open = request.status === 'submitted' || request.status === 'in_progress';
      rows.push(queueRow(request, item, locale, delay, open ? await sisValuesOf(deps.sis, request) : undefined));
      children.add(request.studentId);
    }
    const flash = (FLASHES as readonly unknown[]).includes(req.query.melding) ? `operator.flash.${String(req.query.melding)}` : undefined;
    const html = await new Promise<string>((resolve, reject) => res.render('pages/operator/queue', {
      layout: 'operator', titleKey: 'operator.queue.title', nav: 'queue', operator, rows, flash,
      filters: QUEUE_FILTERS.map((f) => ({ value: f, selected: f === filter, labelKey: filterLabel(f) })),
      filter,
    }, (err, out) => (err ? reject(err) : resolve(out))));
    // The page shows each listed child's data: one view record per child, as a parent's view is.
    await auditOperator(deps.store, deps.clock, {
      actor: operator.username, action: 'view', section: 'changes.queue', requestId: res.locals.requestId,
      detail: { filter, rows: rows.length },
    });
    for (const studentId of children) {
      await auditOperator(deps.store, deps.clock, {
        actor: operator.username, action: 'view', section: 'changes', studentId, requestId: res.locals.requestId, detail: { page: 'queue' },
      });
    }
    res.send(html);
  });

  router.post(`${ROUTE}/:id/besluit`, async (req: Request, res: Response) => {
    const operator = operatorOf(res);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const filter = queueFilterOf(body.toon);
    const status = body.besluit === 'rejected' ? 'rejected' : body.besluit === 'processed' ? 'processed' : undefined;
    const note = typeof body.note === 'string' ? body.note.trim().slice(0, NOTE_MAX) : '';
    if (!status) return void res.status(400).render('errors/404', { layout: 'operator' });
    if (status === 'rejected' && note === '') return back(res, 'noteRequired', filter);
    const outcome = await deps.changes.decide(String(req.params.id), {
      status, actor: operator.username, requestId: res.locals.requestId, ...(note ? { note } : {}),
    });
    if (!outcome) return void res.status(404).render('errors/404', { layout: 'operator' });
    back(res, outcome.decided ? status : 'alreadyDecided', filter);
  });

  router.post(`${ROUTE}/:id/opnieuw`, async (req: Request, res: Response) => {
    const operator = operatorOf(res);
    const filter = queueFilterOf((req.body as Record<string, unknown> | undefined)?.toon);
    const request = await deps.changes.get(String(req.params.id));
    if (!request) return void res.status(404).render('errors/404', { layout: 'operator' });
    const before = await deps.outbox.get(request.deliveryKey);
    if (before?.status !== 'attention') return back(res, 'notParked', filter);
    await deps.outbox.requeue(request.deliveryKey);
    await auditOperator(deps.store, deps.clock, {
      actor: operator.username, action: 'change.requeue', studentId: request.studentId, section: 'changes',
      requestId: res.locals.requestId, detail: { reference: request.reference },
    });
    deps.kick?.();
    back(res, 'requeued', filter);
  });

  return router;
}

function filterLabel(filter: string): string {
  if (filter === 'open') return 'operator.queue.filterOpen';
  if (filter === 'attention') return 'operator.queue.filterAttention';
  if (filter === 'all') return 'operator.queue.filterAll';
  return `changes.status.${filter}`;
}
