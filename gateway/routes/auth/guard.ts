/**
 * Access to parent pages: logged in, account still active, and — after a login with the
 * initial secret — nothing but the first-login form until the parent has chosen a password; then,
 * where the school requires a second factor and the parent has none, nothing but its enrolment.
 */
import type { RequestHandler } from 'express';

/** Paths a parent in the middle of first login may still use. */
const FIRST_LOGIN_ALLOWED = ['/eerste-keer', '/uitloggen'];
/** Paths a parent who must still set up a second factor may use. */
const ENROL_ALLOWED = ['/account/tweestaps', '/account/tweestaps/start', '/account/tweestaps/bevestigen', '/uitloggen'];

export function requireParent(): RequestHandler {
  return (req, res, next) => {
    if (!req.user) return res.redirect(303, '/inloggen');
    if (req.session?.firstLogin && !FIRST_LOGIN_ALLOWED.includes(req.path)) {
      return res.redirect(303, '/eerste-keer');
    }
    if (req.session?.mustEnrol && !req.session.firstLogin && !ENROL_ALLOWED.includes(req.path)) {
      return res.redirect(303, '/account/tweestaps');
    }
    next();
  };
}
