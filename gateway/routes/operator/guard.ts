/**
 * Access to the operator pages: an operator session (not a parent's), still within its idle and
 * absolute limits, for a local operator config still lists (while the local login is on) or a
 * staff member from the identity provider (while it is configured) with the roles of their login.
 * Anything else goes to the operator login.
 */
import type { RequestHandler } from 'express';
import type { OperatorMark } from '../../operators/operator-session.ts';
import { parentSubject } from '../../auth/second-factor/index.ts';
import { securityEvent } from '../../security-events/index.ts';
import { operatorSessionState } from '../../operators/index.ts';
import { hasRole, type StaffRole } from '../../operators/roles.ts';
import type { OperatorRouterDeps, OperatorUser } from './deps.ts';

export const OPERATOR_LOGIN = '/beheer/inloggen';

type GuardDeps = Pick<OperatorRouterDeps, 'operators' | 'clock' | 'limits' | 'oidc' | 'localLogin'>;

/** Who a session's operator mark stands for, or undefined when it no longer counts. */
export function operatorOfMark(deps: Omit<GuardDeps, 'clock' | 'limits'>, mark: OperatorMark): OperatorUser | undefined {
  if (mark.via === 'oidc') {
    return deps.oidc && mark.roles && mark.roles.length > 0
      ? { username: mark.username, name: mark.name ?? mark.username, roles: [...mark.roles], via: 'oidc' }
      : undefined;
  }
  const local = deps.localLogin ? deps.operators.get(mark.username) : undefined;
  return local && { ...local, via: 'local' };
}

export function requireOperator(deps: GuardDeps): RequestHandler {
  return (req, res, next) => {
    const mark = req.session?.operator;
    const operator = mark && operatorOfMark(deps, mark);
    if (!mark && req.user) {
      // A parent's session on a staff route: sent to the staff login like anyone, and recorded as a denial.
      const { accountId } = req.user;
      securityEvent(req, { type: 'access.denied', outcome: 'denied', subject: parentSubject(accountId), accountId, detail: { reason: 'staff-route' } })
        .then(() => res.redirect(303, OPERATOR_LOGIN), next);
      return;
    }
    if (!mark || !operator) return res.redirect(303, OPERATOR_LOGIN);
    const now = deps.clock.now();
    if (operatorSessionState(mark, now, deps.limits) !== 'ok') {
      req.session.regenerate((err) => (err ? next(err) : res.redirect(303, OPERATOR_LOGIN)));
      return;
    }
    // Written once a minute, not on every request.
    if (now.getTime() - Date.parse(mark.lastSeenAt) > 60_000) mark.lastSeenAt = now.toISOString();
    res.locals.operator = operator;
    // The navigation offers only the pages this staff member's role opens (the routes refuse the rest).
    res.locals.operatorRunsPortal = hasRole(operator.roles, 'beheer');
    res.set('Cache-Control', 'no-store');
    next();
  };
}

/** After requireOperator: refuses (403, the operator's error page) a staff member without `role`. */
export function requireRole(role: StaffRole): RequestHandler {
  return (req, res, next) => {
    const operator = res.locals.operator as OperatorUser | undefined;
    if (operator && hasRole(operator.roles, role)) return next();
    securityEvent(req, { type: 'access.denied', outcome: 'denied', subject: `operator:${operator?.username ?? 'unknown'}`, detail: { needs: role } })
      .then(() => res.status(403).render('errors/403', { layout: 'operator', operator }), next);
  };
}
