/**
 * Forgot password (public): GET/POST /wachtwoord-vergeten asks for an e-mail address and always
 * answers the same ("if we know this address, a link is on its way"), known address or not,
 * within the per-address limit or over it; only a network sending very many requests is told to
 * wait. GET/POST /wachtwoord-herstellen?token=… sets a new password from the mailed link; the
 * token travels in the query (never logged: the request log keeps the path only).
 */
import { Router } from 'express';
import { completePasswordReset, accountForResetToken, requestPasswordReset } from '../../auth/password-reset.ts';
import { checkNewPassword } from '../../auth/password-policy.ts';
import { createResetLimiter } from '../../auth/reset-limiter.ts';
import { parentSubject } from '../../auth/second-factor/index.ts';
import { securityEvent } from '../../security-events/index.ts';
import type { Services } from '../../services.ts';
import { formField, looksLikeEmail } from './form-field.ts';
import { CONFIRM_MISMATCH, fieldErrors } from './reason-keys.ts';

type Deps = Pick<Services, 'config' | 'clock' | 'store' | 'mail' | 'mailRenderer' | 'hasher' | 'logger' | 'throttle' | 'sharedCounters'>;

export function createPasswordResetRouter(services: Deps): Router {
  const router = Router();
  const limiter = createResetLimiter({
    clock: services.clock, maxPerAddress: services.config.mail.passwordReset.maxPerHour,
    ...(services.sharedCounters && { state: services.sharedCounters }),
  });
  const page = (extra: Record<string, unknown>) => ({ layout: 'public', titleKey: 'passwordReset.forgot.title', ...extra });

  router.get('/wachtwoord-vergeten', (_req, res) => {
    res.render('pages/password-forgot', page({}));
  });

  router.post('/wachtwoord-vergeten', async (req, res) => {
    const email = formField(req.body, 'email', 320).trim();
    if (!looksLikeEmail(email)) {
      return res.status(422).render('pages/password-forgot', page({ email, errors: { email: ['passwordReset.forgot.invalidEmail'] } }));
    }
    const decision = await limiter.take(email, req.ip);
    if (!decision.allowed && decision.scope === 'network') {
      res.set('Retry-After', String(decision.retryAfterSec));
      return res.status(429).render('pages/password-forgot', page({ email, limited: true, retryAfterSec: decision.retryAfterSec }));
    }
    if (decision.allowed) {
      await requestPasswordReset(services, email);
    }
    // No subject and no "known address?": the log must not answer what the page does not.
    await securityEvent(req, { type: 'password.reset.request', outcome: decision.allowed ? 'requested' : 'throttled' });
    res.render('pages/password-forgot', page({ sent: true }));
  });

  const resetPage = (token: string, extra: Record<string, unknown> = {}) => ({
    layout: 'public', titleKey: 'passwordReset.reset.title', token, ...extra,
  });

  router.get('/wachtwoord-herstellen', async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const account = await accountForResetToken(services, token);
    if (!account) return res.status(410).render('pages/password-reset', resetPage('', { invalid: true }));
    res.render('pages/password-reset', resetPage(token, { username: account.username }));
  });

  router.post('/wachtwoord-herstellen', async (req, res) => {
    const token = formField(req.body, 'token', 200);
    const newPassword = formField(req.body, 'newPassword');
    const confirm = formField(req.body, 'confirmPassword');
    const account = await accountForResetToken(services, token);
    if (!account) return res.status(410).render('pages/password-reset', resetPage('', { invalid: true }));
    if (newPassword !== confirm) {
      const policy = checkNewPassword(newPassword, { context: { schoolName: services.config.school.name } });
      const errors = fieldErrors(policy.ok ? [] : policy.reasons, () => 'newPassword');
      errors.confirmPassword = [CONFIRM_MISMATCH];
      return res.status(422).render('pages/password-reset', resetPage(token, { username: account.username, errors }));
    }
    const result = await completePasswordReset(services, token, newPassword);
    if (!result.ok) {
      if (result.reasons.includes('invalid_token')) return res.status(410).render('pages/password-reset', resetPage('', { invalid: true }));
      const errors = fieldErrors(result.reasons, () => 'newPassword');
      return res.status(422).render('pages/password-reset', resetPage(token, { username: account.username, errors }));
    }
    await securityEvent(req, { type: 'password.reset.use', outcome: 'success', subject: parentSubject(result.account.id) });
    // Logged in here too? That session ended with the others; the cookie is cleared with it.
    req.session.destroy(() => res.redirect(303, '/inloggen?hersteld=1'));
  });

  return router;
}
