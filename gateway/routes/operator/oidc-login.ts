/**
 * Staff login through the school's identity provider (DESIGN §4):
 *
 *   GET /beheer/oidc/inloggen   a plain link (so the CSP's form-action needs no IdP origin): keeps
 *                               state, nonce and the PKCE verifier in the session, sends to the IdP
 *   GET /beheer/oidc/callback   the IdP's answer: used once (the pending login is removed before the
 *                               code is redeemed, so a replayed or foreign callback finds nothing),
 *                               checked by openid-client; a new session carries only the staff mark
 *
 * A staff member whose claim maps to no role is refused with a page saying so, and audited.
 */
import { Router, type NextFunction, type Request, type Response } from 'express';
import { StaffOidcError, type StaffIdentity, type StaffOidc } from '../../operators/oidc/staff-oidc.ts';
import { recordStaffLogin } from '../../operators/staff-members.ts';
import { OIDC_CALLBACK_PATH } from '../../config/sections/operators.ts';
import { securityEvent } from '../../security-events/index.ts';
import { auditOperator } from './audit.ts';
import type { OperatorRouterDeps } from './deps.ts';

export const OIDC_START_PATH = '/beheer/oidc/inloggen';
const HOME = '/beheer/wijzigingen';
/** A login not finished within this time is started again. */
const PENDING_MAX_MS = 10 * 60_000;

export type RefusalReason = 'noRole' | 'failed' | 'expired' | 'unavailable';

export function renderRefused(res: Response, status: number, reason: RefusalReason): void {
  res.set('Cache-Control', 'no-store');
  res.status(status).render('pages/operator/login-refused', {
    layout: 'public', titleKey: 'operator.oidc.refusedTitle', reasonKey: `operator.oidc.refused.${reason}`,
  });
}

const saveSession = (req: Request) => new Promise<void>((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
const regenerate = (req: Request) => new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));

export function createOidcLoginRouter(deps: OperatorRouterDeps & { oidc: StaffOidc }): Router {
  const router = Router();
  const { oidc } = deps;

  router.get(OIDC_START_PATH, async (req: Request, res: Response, next: NextFunction) => {
    try {
      const { url, pending } = await oidc.begin();
      req.session.staffLogin = { ...pending, startedAt: deps.clock.now().toISOString() };
      await saveSession(req);
      res.set('Cache-Control', 'no-store');
      res.redirect(303, url);
    } catch (err) {
      if (err instanceof StaffOidcError) return renderRefused(res, 503, 'unavailable');
      next(err);
    }
  });

  router.get(OIDC_CALLBACK_PATH, async (req: Request, res: Response, next: NextFunction) => {
    const requestId = res.locals.requestId as string | undefined;
    const pending = req.session.staffLogin;
    const query = req.originalUrl.split('?')[1] ?? '';
    try {
      if (!pending || deps.clock.now().getTime() - Date.parse(pending.startedAt) > PENDING_MAX_MS) {
        deps.logger.warn({ requestId, reason: pending ? 'expired' : 'no pending login' }, 'staff login callback refused');
        await securityEvent(req, { type: 'operator.login', outcome: 'replayed', detail: { via: 'oidc', reason: pending ? 'expired' : 'no-pending-login' } });
        if (pending) {
          delete req.session.staffLogin;
          await saveSession(req);
        }
        return renderRefused(res, 400, 'expired');
      }
      // Single use, and stored before the code is redeemed: a second callback finds nothing.
      delete req.session.staffLogin;
      await saveSession(req);
      let identity: StaffIdentity;
      try {
        identity = await oidc.complete(query, pending);
      } catch (err) {
        if (!(err instanceof StaffOidcError)) throw err;
        deps.logger.warn({ requestId, code: err.code, reason: err.message }, 'staff login refused');
        await securityEvent(req, { type: 'operator.login', outcome: 'failure', detail: { via: 'oidc', reason: err.code } });
        await auditOperator(deps.store, deps.clock, {
          actor: 'unknown', action: 'operator.login.refused', requestId, detail: { via: 'oidc', reason: err.code },
        });
        return renderRefused(res, err.code === 'IDP_UNAVAILABLE' ? 503 : 401, err.code === 'IDP_UNAVAILABLE' ? 'unavailable' : 'failed');
      }
      if (identity.roles.length === 0) {
        deps.logger.warn({ requestId, staff: identity.id }, 'staff login refused: no mapped role');
        await securityEvent(req, { type: 'operator.login', outcome: 'denied', subject: `operator:${identity.id}`, detail: { via: 'oidc', reason: 'no-role' } });
        await auditOperator(deps.store, deps.clock, {
          actor: identity.id, action: 'operator.login.refused', requestId, detail: { via: 'oidc', reason: 'NO_ROLE' },
        });
        return renderRefused(res, 403, 'noRole');
      }
      await regenerate(req);
      const now = deps.clock.now();
      req.session.operator = {
        username: identity.id, via: 'oidc', issuer: identity.issuer, subject: identity.subject, name: identity.name,
        roles: identity.roles, createdAt: now.toISOString(), lastSeenAt: now.toISOString(),
        ...(identity.idToken ? { idToken: identity.idToken } : {}),
      };
      await saveSession(req);
      await recordStaffLogin(deps.store, identity, now);
      await securityEvent(req, { type: 'operator.login', outcome: 'success', subject: `operator:${identity.id}`, detail: { via: 'oidc' } });
      await auditOperator(deps.store, deps.clock, {
        actor: identity.id, action: 'operator.login', requestId, detail: { via: 'oidc', roles: identity.roles.join(',') },
      });
      res.redirect(303, HOME);
    } catch (err) {
      next(err);
    }
  });

  return router;
}
