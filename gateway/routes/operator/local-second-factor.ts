/**
 * The second factor of the break-glass login (always required for local staff accounts): after
 * the password, a session that is only "password checked" (`operatorPending`, no access), then
 * the TOTP code — or, the first time, enrolment (QR code, key, a code to confirm, the recovery
 * codes once). Only then the operator mark. Uses issue-13's second-factor module.
 *
 *   GET/POST /beheer/inloggen/code
 */
import { Router, type Request, type Response } from 'express';
import { operatorSubject } from '../../auth/second-factor/index.ts';
import { securityEvent } from '../../security-events/index.ts';
import { auditOperator } from './audit.ts';
import { bodyField } from './body-field.ts';
import type { OperatorRouterDeps } from './deps.ts';
import { OPERATOR_LOGIN } from './guard.ts';

export const OPERATOR_CODE = '/beheer/inloggen/code';
const PENDING_MAX_MS = 10 * 60_000;

/** Our own SVG from the qrcode library (as Handlebars' SafeString carries it). */
const safe = (svg: string) => ({ toHTML: () => svg, toString: () => svg });

const saveSession = (req: Request) => new Promise<void>((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
const regenerate = (req: Request) => new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));

/** After the password: a fresh session that only says whose password was right. */
export async function startLocalSecondFactor(req: Request, res: Response, username: string, now: Date): Promise<void> {
  await regenerate(req);
  req.session.operatorPending = { username, startedAt: now.toISOString() };
  await saveSession(req);
  res.redirect(303, OPERATOR_CODE);
}

export function createLocalSecondFactorRouter(deps: OperatorRouterDeps): Router {
  const router = Router();
  const pendingOf = (req: Request) => {
    const pending = req.session.operatorPending;
    if (!pending || deps.clock.now().getTime() - Date.parse(pending.startedAt) > PENDING_MAX_MS) return undefined;
    return deps.operators.get(pending.username) && deps.localLogin ? pending : undefined;
  };

  async function render(res: Response, status: number, username: string, error?: string): Promise<void> {
    const subject = operatorSubject(username);
    const { enrolled } = await deps.secondFactor.status(subject);
    const enrolment = enrolled ? undefined
      : (await deps.secondFactor.pendingEnrolment(subject, username)) ?? (await deps.secondFactor.beginEnrolment(subject, username));
    res.set('Cache-Control', 'no-store');
    res.status(status).render('pages/operator/login-code', {
      layout: 'public', titleKey: 'operator.totp.title', enrolled,
      ...(enrolment ? { enrolment: { secret: enrolment.secret, qrSvg: safe(enrolment.qrSvg) } } : {}),
      ...(error ? { errors: { code: [error] } } : {}),
    });
  }

  router.get(OPERATOR_CODE, async (req, res, next) => {
    try {
      const pending = pendingOf(req);
      if (!pending) return res.redirect(303, OPERATOR_LOGIN);
      await render(res, 200, pending.username);
    } catch (err) {
      next(err);
    }
  });

  router.post(OPERATOR_CODE, async (req, res, next) => {
    try {
      const pending = pendingOf(req);
      if (!pending) return res.redirect(303, OPERATOR_LOGIN);
      const subject = operatorSubject(pending.username);
      const code = bodyField(req.body, 'code', 40).trim();
      const { enrolled } = await deps.secondFactor.status(subject);
      const result = enrolled
        ? await deps.secondFactor.verify(subject, code, req.ip)
        : await deps.secondFactor.confirmEnrolment(subject, code, req.ip);
      if (!result.ok) {
        await securityEvent(req, { type: 'secondFactor.use', outcome: result.reason === 'throttled' ? 'throttled' : 'failure', subject, detail: { via: 'local' } });
        if (result.reason === 'throttled') res.set('Retry-After', String(result.retryAfterSec));
        return render(res, result.reason === 'throttled' ? 429 : 401, pending.username, result.reason === 'throttled' ? 'operator.totp.throttled' : 'operator.totp.invalid');
      }
      await regenerate(req);
      const now = deps.clock.now().toISOString();
      req.session.operator = { username: pending.username, via: 'local', createdAt: now, lastSeenAt: now };
      await saveSession(req);
      await securityEvent(req, { type: 'operator.login', outcome: 'success', subject, detail: { via: 'local', secondFactor: true } });
      await auditOperator(deps.store, deps.clock, { actor: pending.username, action: 'operator.login', requestId: res.locals.requestId, detail: { via: 'local' } });
      if ('recoveryCodes' in result) {
        res.set('Cache-Control', 'no-store');
        return res.render('pages/operator/login-code', { layout: 'public', titleKey: 'operator.totp.title', recoveryCodes: result.recoveryCodes });
      }
      res.redirect(303, '/beheer/wijzigingen');
    } catch (err) {
      next(err);
    }
  });

  return router;
}
