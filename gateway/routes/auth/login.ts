/**
 * Login and logout for parents. A login starts a new session (new id: no fixation); logout is a
 * POST that destroys the server-side session, so an old cookie is worthless afterwards.
 */
import { Router } from 'express';
import type { Request, Response, NextFunction } from 'express';
import type { PassportInstance } from './passport-setup.ts';
import type { Clock } from '../../../adapters/contract/index.ts';
import type { LoginFailure, ParentUser } from '../../auth/local-strategy.ts';

export interface LoginRouteDeps {
  clock: Clock;
  cookieName: string;
  /** The app's own passport instance (no global singleton: tests build many apps). */
  passport: PassportInstance;
}

function renderLogin(res: Response, status: number, model: { username?: string; error?: string; retryAfterSec?: number; resetDone?: boolean }) {
  res.status(status).render('pages/login', { layout: 'public', ...model });
}

export function createLoginRouter(deps: LoginRouteDeps): Router {
  const router = Router();

  router.get('/inloggen', (req, res) => {
    if (req.user && !req.session.firstLogin) return res.redirect(303, '/');
    // /inloggen?hersteld=1: back from a password reset.
    renderLogin(res, 200, { resetDone: req.query.hersteld === '1' });
  });

  router.post('/inloggen', (req: Request, res: Response, next: NextFunction) => {
    const username = typeof req.body?.username === 'string' ? req.body.username.slice(0, 200) : '';
    deps.passport.authenticate('local', (err: unknown, user: ParentUser | false, info?: LoginFailure | { message?: string }) => {
      if (err) return next(err);
      if (!user) {
        const throttled = info && 'reason' in info && info.reason === 'throttled';
        if (throttled) {
          res.set('Retry-After', String(info.retryAfterSec));
          return renderLogin(res, 429, { username, error: 'login.throttled', retryAfterSec: info.retryAfterSec });
        }
        return renderLogin(res, 401, { username, error: 'login.invalid' });
      }
      // passport 0.7 regenerates the session inside logIn.
      req.logIn(user, (loginErr) => {
        if (loginErr) return next(loginErr);
        const now = deps.clock.now().toISOString();
        req.session.createdAt = now;
        req.session.lastSeenAt = now;
        req.session.firstLogin = user.firstLogin;
        req.session.save((saveErr) => {
          if (saveErr) return next(saveErr);
          res.redirect(303, user.firstLogin ? '/eerste-keer' : '/');
        });
      });
    })(req, res, next);
  });

  router.post('/uitloggen', (req, res, next) => {
    req.session.destroy((err) => {
      if (err) return next(err);
      res.clearCookie(deps.cookieName, { path: '/' });
      res.redirect(303, '/inloggen');
    });
  });

  return router;
}
