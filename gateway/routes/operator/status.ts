/**
 * The operator status page: is the calendar in force the file as it is now, or was the last edit
 * refused (and why, with line and key)? And how the outbox stands. More (adapter health, cache age,
 * next transitions) belongs here as it is built.
 */
import { Router } from 'express';
import { platformHealthView } from '../../health/status-view.ts';
import type { OutboxStatus } from '../../outbox/index.ts';
import type { OperatorRouterDeps, OperatorUser } from './deps.ts';
import { requireRole } from './guard.ts';

export function createStatusRouter(deps: OperatorRouterDeps): Router {
  const router = Router();
  // Relative to the /beheer mount.
  router.get('/status', requireRole('beheer'), async (_req, res) => {
    const operator = res.locals.operator as OperatorUser;
    const counts: Record<OutboxStatus, number> = { pending: 0, delivering: 0, delivered: 0, attention: 0 };
    for (const item of await deps.outbox.list()) counts[item.status] += 1;
    const status = deps.calendar?.status();
    const calendar = status && {
      file: status.file,
      valid: status.valid,
      loadedAt: status.loadedAt,
      checkedAt: status.checkedAt,
      schoolYear: deps.calendar?.current().schoolYear,
      ...(status.error ? {
        error: { message: status.error.message, ...(status.error.line !== undefined ? { line: status.error.line } : {}), key: status.error.key },
      } : {}),
    };
    res.render('pages/operator/status', {
      layout: 'operator', titleKey: 'operator.status.title', nav: 'status', operator, calendar,
      outbox: { pending: counts.pending + counts.delivering, attention: counts.attention, delivered: counts.delivered },
      ...(deps.health && { health: platformHealthView(deps.health()) }),
    });
  });
  return router;
}
