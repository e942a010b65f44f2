/**
 * Access to parent pages: logged in, account still active, and — after a login with the
 * initial secret — nothing but the first-login form until the parent has chosen a password.
 */
import type { RequestHandler } from 'express';

/** Paths a parent in the middle of first login may still use. */
const FIRST_LOGIN_ALLOWED = ['/eerste-keer', '/uitloggen'];

export function requireParent(): RequestHandler {
  return (req, res, next) => {
    if (!req.user) return res.redirect(303, '/inloggen');
    if (req.session?.firstLogin && !FIRST_LOGIN_ALLOWED.includes(req.path)) {
      return res.redirect(303, '/eerste-keer');
    }
    next();
  };
}
