/**
 * The operator pages under /beheer. Mount BEFORE the parents' auth guard (they have their own):
 *
 *   app.use(createOperatorRouter({ operators, changes, outbox, store, clock, logger, limits, calendar, kick, invitations: services }));
 *
 *   GET/POST /beheer/inloggen   operator login: the IdP link, and the break-glass form (config accounts)
 *   GET/POST /beheer/inloggen/code   the break-glass login's second factor (enrolment the first time)
 *   GET  /beheer/oidc/inloggen, /beheer/oidc/callback   the login through the school's IdP (OIDC)
 *   POST /beheer/uitloggen      ends the session (and at the IdP, when it offers RP-initiated logout)
 *   GET  /beheer/wijzigingen    the change-request queue (?toon=open|attention|<status>|all)
 *   POST /beheer/wijzigingen/:id/besluit   besluit=processed|rejected, note (required to reject)
 *   POST /beheer/wijzigingen/:id/opnieuw   send a parked delivery again
 *   GET/POST /beheer/uitnodigingen          find an account (POST, zoek=username or e-mail address)
 *   POST /beheer/uitnodigingen/opnieuw      account=<id>, issue=<issue seen>: re-issue its invitation
 *   /beheer/accounts…          parents' accounts: search, page, actions, limited grants (accounts.ts)
 *   GET/POST /beheer/audit      the audit log: search (POST), paging, CSV export (audit-search.ts)
 *   GET  /beheer/ziekmeldingen  parents' absence reports, by day (role administratie)
 *   GET  /beheer/verlof         parents' leave requests; POST /beheer/verlof/:id/besluit besluit=approved|refused,
 *                               note (required to refuse) — role directie (beheer includes it)
 *   GET  /beheer/status         the portal's health, one section each (status/sections.ts)
 *   GET  /beheer/kalender…      the calendar: timeline, "what does groep N see", editor, versions (calendar.ts)
 *
 * Every POST carries the session's CSRF token (the app's csrfProtection); every action is audited
 * with the operator's username. A parent's session is no operator session, and the other way round.
 */
import { Router } from 'express';
import { createAccountsRouter } from './accounts.ts';
import { createAbsenceReportsRouter } from './absence-reports.ts';
import { createAuditSearchRouter } from './audit-search.ts';
import { createLeaveRouter } from './leave.ts';
import type { OperatorRouterDeps } from './deps.ts';
import { requireOperator } from './guard.ts';
import { createCalendarRouter } from './calendar.ts';
import { createInvitationsRouter } from './invitations.ts';
import { createOperatorLoginRouter } from './login.ts';
import { createOidcLoginRouter } from './oidc-login.ts';
import { createLocalSecondFactorRouter } from './local-second-factor.ts';
import { createQueueRouter } from './queue.ts';
import { createStatusRouter } from './status/index.ts';

export type { OperatorRouterDeps, OperatorUser } from './deps.ts';

export function createOperatorRouter(deps: OperatorRouterDeps): Router {
  const router = Router();
  router.use(createOperatorLoginRouter(deps));
  router.use(createLocalSecondFactorRouter(deps));
  if (deps.oidc) router.use(createOidcLoginRouter({ ...deps, oidc: deps.oidc }));
  const guarded = Router();
  guarded.use(createQueueRouter(deps));
  guarded.use(createInvitationsRouter(deps));
  guarded.use(createAccountsRouter(deps));
  guarded.use(createAuditSearchRouter(deps));
  guarded.use(createStatusRouter(deps));
  if (deps.absenceReports) guarded.use(createAbsenceReportsRouter({ ...deps, absenceReports: deps.absenceReports }));
  if (deps.leave) guarded.use(createLeaveRouter({ ...deps, leave: deps.leave }));
  for (const pages of deps.staffPages ?? []) guarded.use(pages);
  if (deps.calendarEditor && deps.calendar) guarded.use(createCalendarRouter({ ...deps, calendarEditor: deps.calendarEditor }));
  guarded.get('/', (_req, res) => res.redirect(303, '/beheer/wijzigingen'));
  // Anything else under /beheer: the operator's 404, never the parents' pages.
  guarded.use((_req, res) => void res.status(404).render('errors/404', { layout: 'operator' }));
  router.use('/beheer', requireOperator(deps), guarded);
  return router;
}
