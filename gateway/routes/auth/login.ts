/**
 * Login and logout for parents. A login starts a new session (new id: no fixation); logout is a
 * POST that destroys the server-side session, so an old cookie is worthless afterwards, and tells
 * the browser to drop what it kept (Clear-Site-Data).
 *
 * With a second factor set up, a correct password only leads to /inloggen/code: the session then
 * holds `pendingLogin` (for PENDING_LOGIN_MS), not a login; the code (or a recovery code) completes
 * it. When the school requires a second factor and the parent has none, the login goes through and
 * the guard sends every page to the enrolment until it is done.
 */
import { Router } from 'express';
import type { Request, Response, NextFunction } from 'express';
import type { PassportInstance } from './passport-setup.ts';
import type { Clock } from '../../../adapters/contract/index.ts';
import type { LoginFailure, ParentUser } from '../../auth/local-strategy.ts';
import { parentSubject, type SecondFactor } from '../../auth/second-factor/index.ts';
import { deviceName } from '../../http/device.ts';
import { securityEvent } from '../../security-events/index.ts';
import { randomUUID } from 'node:crypto';
import type { AccountRepo, AuditRepo } from '../../store/types.ts';
import { normalizeUsername, USERNAME_MAX_LENGTH } from '../../auth/username.ts';
import { formField } from './form-field.ts';

export const PENDING_LOGIN_MS = 5 * 60_000;

export interface LoginRouteDeps {
  clock: Clock;
  cookieName: string;
  /** The app's own passport instance (no global singleton: tests build many apps). */
  passport: PassportInstance;
  accounts: AccountRepo;
  /** Each completed login is an audit record (action "login"): the parent's login history in Mijn gegevens. */
  audit: Pick<AuditRepo, 'append'>;
  secondFactor: SecondFactor;
  secondFactorMode: 'off' | 'optional' | 'required';
}

function renderLogin(res: Response, status: number, model: { username?: string; error?: string; retryAfterSec?: number; resetDone?: boolean }) {
  res.status(status).render('pages/login', { layout: 'public', titleKey: 'login.title', ...model });
}

function renderCode(res: Response, status: number, model: { error?: string; retryAfterSec?: number } = {}) {
  res.status(status).render('pages/login-code', { layout: 'public', titleKey: 'secondFactor.login.title', ...model });
}

export function createLoginRouter(deps: LoginRouteDeps): Router {
  const router = Router();

  /** Turns the session into a login of `user` (passport regenerates the id). */
  function startSession(req: Request, res: Response, next: NextFunction, user: ParentUser) {
    req.logIn(user, (loginErr) => {
      if (loginErr) return next(loginErr);
      const now = deps.clock.now().toISOString();
      req.session.createdAt = now;
      req.session.lastSeenAt = now;
      req.session.firstLogin = user.firstLogin;
      req.session.device = deviceName(req.get('user-agent'));
      if (deps.secondFactorMode === 'required' && !user.secondFactor) req.session.mustEnrol = true;
      req.session.save(async (saveErr) => {
        if (saveErr) return next(saveErr);
        try {
          const subject = parentSubject(user.accountId);
          // Kept for audit.retention, like every audit record (the privacy page's table says so).
          await deps.audit.append({
            id: randomUUID(), at: now, actor: user.accountId, actorKind: 'parent', action: 'login',
            requestId: res.locals.requestId as string | undefined, detail: { secondFactor: Boolean(user.secondFactor) },
          });
          await securityEvent(req, { type: 'login', outcome: 'success', subject, detail: { secondFactor: Boolean(user.secondFactor) } });
          if (user.firstLogin) await securityEvent(req, { type: 'login.first', outcome: 'success', subject });
          res.redirect(303, user.firstLogin ? '/eerste-keer' : '/');
        } catch (err) {
          next(err);
        }
      });
    });
  }

  const pendingOf = (req: Request) => {
    const pending = req.session.pendingLogin;
    if (!pending || deps.clock.now().getTime() - Date.parse(pending.at) > PENDING_LOGIN_MS) return undefined;
    return pending;
  };

  router.get('/inloggen', (req, res) => {
    if (req.user && !req.session.firstLogin) return res.redirect(303, '/');
    // /inloggen?hersteld=1: back from a password reset.
    renderLogin(res, 200, { resetDone: req.query.hersteld === '1' });
  });

  router.post('/inloggen', (req: Request, res: Response, next: NextFunction) => {
    const username = typeof req.body?.username === 'string' ? req.body.username.slice(0, 200) : '';
    deps.passport.authenticate('local', async (err: unknown, user: ParentUser | false, info?: LoginFailure | { message?: string }) => {
      try {
        if (err) return next(err);
        if (!user) {
          const failure = info && 'reason' in info ? info : undefined;
          // The security log names the account by its pseudonym when there is one (the page never says).
          const typed = normalizeUsername(username);
          const known = typed.length <= USERNAME_MAX_LENGTH ? await deps.accounts.findByUsername(typed) : undefined;
          const subject = known ? parentSubject(known.id) : `username:${typed}`;
          if (failure?.reason === 'throttled') {
            await securityEvent(req, { type: 'login', outcome: 'throttled', subject, detail: { locked: failure.locked === true } });
            res.set('Retry-After', String(failure.retryAfterSec));
            return renderLogin(res, 429, { username, error: failure.locked ? 'login.locked' : 'login.throttled', retryAfterSec: failure.retryAfterSec });
          }
          await securityEvent(req, { type: 'login', outcome: 'failure', subject });
          return renderLogin(res, 401, { username, error: 'login.invalid' });
        }
        const enrolled = (await deps.secondFactor.status(parentSubject(user.accountId))).enrolled;
        if (!enrolled) return startSession(req, res, next, user);
        // The password was right; the login waits for the code, in a new session.
        req.session.regenerate((regErr) => {
          if (regErr) return next(regErr);
          req.session.pendingLogin = { accountId: user.accountId, at: deps.clock.now().toISOString(), firstLogin: user.firstLogin };
          req.session.save((saveErr) => (saveErr ? next(saveErr) : res.redirect(303, '/inloggen/code')));
        });
      } catch (caught) {
        next(caught);
      }
    })(req, res, next);
  });

  router.get('/inloggen/code', (req, res) => {
    if (!pendingOf(req)) return res.redirect(303, '/inloggen');
    renderCode(res, 200);
  });

  router.post('/inloggen/code', async (req, res, next) => {
    try {
      const pending = pendingOf(req);
      if (!pending) return res.redirect(303, '/inloggen');
      const subject = parentSubject(pending.accountId);
      const result = await deps.secondFactor.verify(subject, formField(req.body, 'code', 64), req.ip);
      if (!result.ok) {
        const outcome = result.reason === 'throttled' ? 'throttled' : result.reason === 'replayed' ? 'replayed' : 'failure';
        await securityEvent(req, { type: 'secondFactor.use', outcome, subject });
        if (result.reason === 'throttled') {
          res.set('Retry-After', String(result.retryAfterSec));
          return renderCode(res, 429, { error: 'login.throttled', retryAfterSec: result.retryAfterSec });
        }
        return renderCode(res, 401, { error: 'secondFactor.login.invalid' });
      }
      await securityEvent(req, { type: 'secondFactor.use', outcome: 'success', subject, detail: { method: result.method } });
      const account = await deps.accounts.get(pending.accountId);
      if (!account || account.status !== 'active') return res.redirect(303, '/inloggen');
      startSession(req, res, next, {
        accountId: account.id, guardianId: account.guardianId, scope: account.scope, firstLogin: pending.firstLogin, secondFactor: true,
      });
    } catch (err) {
      next(err);
    }
  });

  router.post('/uitloggen', (req, res, next) => {
    const accountId = req.user?.accountId;
    req.session.destroy((err) => {
      if (err) return next(err);
      res.clearCookie(deps.cookieName, { path: '/' });
      // The browser forgets cached pages, cookies and storage of this origin too (a shared computer).
      res.set('Clear-Site-Data', '"cache", "cookies", "storage"');
      const done = () => res.redirect(303, '/inloggen');
      if (!accountId) return done();
      securityEvent(req, { type: 'logout', outcome: 'success', subject: parentSubject(accountId) }).then(done, next);
    });
  });

  return router;
}
