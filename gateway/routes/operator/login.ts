/**
 * The operators' own login page at /beheer/inloggen, apart from the parents': the link to the
 * school's identity provider (oidc-login.ts) and, while `operators.localLogin` is on, the
 * break-glass form for config accounts. A success starts a new session (no fixation) carrying only
 * the operator mark; failures are throttled like parents' logins and answered the same for unknown
 * users and wrong passwords. Logins and logouts are audited; logging out of a staff member from the
 * IdP ends their session there too when the IdP offers it (RP-initiated logout).
 */
import { Router, type Response } from 'express';
import { createLoginThrottle } from '../../auth/throttle.ts';
import { securityEvent } from '../../security-events/index.ts';
import { auditOperator } from './audit.ts';
import { bodyField as field } from './body-field.ts';
import type { OperatorRouterDeps } from './deps.ts';
import { OPERATOR_LOGIN, operatorOfMark } from './guard.ts';
import { OIDC_START_PATH } from './oidc-login.ts';
import { startLocalSecondFactor } from './local-second-factor.ts';

const QUEUE = '/beheer/wijzigingen';

export function createOperatorLoginRouter(deps: OperatorRouterDeps): Router {
  const router = Router();
  const throttle = createLoginThrottle({ clock: deps.clock });
  const renderLogin = (res: Response, status: number, model: { username?: string; error?: string; retryAfterSec?: number }) => {
    res.set('Cache-Control', 'no-store');
    res.status(status).render('pages/operator/login', {
      layout: 'public', titleKey: 'operator.login.title', ...model,
      localLogin: deps.localLogin, ...(deps.oidc ? { oidcStart: OIDC_START_PATH } : {}),
    });
  };

  router.get(OPERATOR_LOGIN, (req, res) => {
    if (req.session?.operator && operatorOfMark(deps, req.session.operator)) return res.redirect(303, QUEUE);
    renderLogin(res, 200, {});
  });

  router.post(OPERATOR_LOGIN, async (req, res, next) => {
    try {
      if (!deps.localLogin) {
        await securityEvent(req, { type: 'operator.login', outcome: 'denied', detail: { via: 'local', reason: 'local-off' } });
        return renderLogin(res, 403, { error: 'operator.login.localOff' });
      }
      const username = field(req.body, 'username', 100).trim().toLowerCase();
      const password = field(req.body, 'password', 1024);
      // Its own namespace: an operator's failures never lock a parent of the same name, or back.
      const key = { username: `operator:${username}`, ip: req.ip };
      const decision = await throttle.check(key);
      if (!decision.allowed) {
        await securityEvent(req, { type: 'operator.login', outcome: 'throttled', subject: `operator:${username}`, detail: { via: 'local' } });
        res.set('Retry-After', String(decision.retryAfterSec));
        return renderLogin(res, 429, { username, error: 'operator.login.throttled', retryAfterSec: decision.retryAfterSec });
      }
      const operator = await deps.operators.authenticate(username, password);
      if (!operator) {
        await throttle.recordFailure(key);
        await securityEvent(req, { type: 'operator.login', outcome: 'failure', subject: `operator:${username}`, detail: { via: 'local' } });
        deps.logger.info({ requestId: res.locals.requestId }, 'operator login failed');
        return renderLogin(res, 401, { username, error: 'operator.login.invalid' });
      }
      await throttle.recordSuccess(key);
      // The password alone never logs a local staff member in: the second factor comes next.
      await startLocalSecondFactor(req, res, operator.username, deps.clock.now());
    } catch (err) {
      next(err);
    }
  });

  router.post('/beheer/uitloggen', (req, res, next) => {
    const mark = req.session?.operator;
    const username = mark?.username;
    const idpLogout = mark?.via === 'oidc' ? deps.oidc?.logoutUrl(mark.idToken) : undefined;
    req.session.destroy((err) => {
      if (err) return next(err);
      const done = () => res.redirect(303, idpLogout ?? OPERATOR_LOGIN);
      if (!username) return done();
      auditOperator(deps.store, deps.clock, { actor: username, action: 'operator.logout', requestId: res.locals.requestId }).then(done, next);
    });
  });

  return router;
}
