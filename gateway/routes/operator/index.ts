/**
 * The operator pages under /beheer. Mount BEFORE the parents' auth guard (they have their own):
 *
 *   app.use(createOperatorRouter({ operators, changes, outbox, store, clock, logger, limits, calendar, kick, invitations: services }));
 *
 *   GET/POST /beheer/inloggen   operator login (config accounts until OIDC); POST /beheer/uitloggen
 *   GET  /beheer/wijzigingen    the change-request queue (?toon=open|attention|<status>|all)
 *   POST /beheer/wijzigingen/:id/besluit   besluit=processed|rejected, note (required to reject)
 *   POST /beheer/wijzigingen/:id/opnieuw   send a parked delivery again
 *   GET/POST /beheer/uitnodigingen          find an account (POST, zoek=username or e-mail address)
 *   POST /beheer/uitnodigingen/opnieuw      account=<id>, issue=<issue seen>: re-issue its invitation
 *   GET  /beheer/status         calendar validity and outbox counts
 *   GET  /beheer/kalender…      the calendar: timeline, "what does groep N see", editor, versions (calendar.ts)
 *
 * Every POST carries the session's CSRF token (the app's csrfProtection); every action is audited
 * with the operator's username. A parent's session is no operator session, and the other way round.
 */
import { Router } from 'express';
import type { OperatorRouterDeps } from './deps.ts';
import { requireOperator } from './guard.ts';
import { createCalendarRouter } from './calendar.ts';
import { createInvitationsRouter } from './invitations.ts';
import { createOperatorLoginRouter } from './login.ts';
import { createQueueRouter } from './queue.ts';
import { createStatusRouter } from './status.ts';

export type { OperatorRouterDeps, OperatorUser } from './deps.ts';

export function createOperatorRouter(deps: OperatorRouterDeps): Router {
  const router = Router();
  router.use(createOperatorLoginRouter(deps));
  const guarded = Router();
  guarded.use(createQueueRouter(deps));
  guarded.use(createInvitationsRouter(deps));
  guarded.use(createStatusRouter(deps));
  if (deps.calendarEditor && deps.calendar) guarded.use(createCalendarRouter({ ...deps, calendarEditor: deps.calendarEditor }));
  guarded.get('/', (_req, res) => res.redirect(303, '/beheer/wijzigingen'));
  // Anything else under /beheer: the operator's 404, never the parents' pages.
  guarded.use((_req, res) => void res.status(404).render('errors/404', { layout: 'operator' }));
  router.use('/beheer', requireOperator(deps), guarded);
  return router;
}
