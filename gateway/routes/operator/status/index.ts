/** GET /beheer/status (role beheer): the sections of sections.ts, each with its own partial. */
import { Router } from 'express';
import type { OperatorRouterDeps, OperatorUser } from '../deps.ts';
import { requireRole } from '../guard.ts';
import { loadStatus } from './sections.ts';

export function createStatusRouter(deps: OperatorRouterDeps): Router {
  const router = Router();
  // Relative to the /beheer mount.
  router.get('/status', requireRole('beheer'), async (_req, res) => {
    const operator = res.locals.operator as OperatorUser;
    const sections = await loadStatus({
      sis: deps.sis, store: deps.store, outbox: deps.outbox, clock: deps.clock,
      ...(deps.calendar ? { calendar: deps.calendar } : {}), ...(deps.mailTransport ? { mailTransport: deps.mailTransport } : {}),
      ...(deps.health ? { health: deps.health } : {}), changes: deps.changes,
    });
    res.render('pages/operator/status', {
      layout: 'operator', titleKey: 'operator.status.title', nav: 'status', operator, sections, now: deps.clock.now().toISOString(),
    });
  });
  return router;
}
