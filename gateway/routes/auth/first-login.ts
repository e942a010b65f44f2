/**
 * The first-login form: a parent who logged in with the invitation's initial secret chooses a
 * password (and may choose a username). On success the session id changes again, since the
 * session now carries more privilege.
 */
import { Router } from 'express';
import type { Request, Response } from 'express';
import { completeFirstLogin } from '../../auth/first-login.ts';
import { checkNewPassword } from '../../auth/password-policy.ts';
import type { Services } from '../../services.ts';
import { CONFIRM_MISMATCH, fieldErrors, isUsernameReason, type FieldErrors } from './reason-keys.ts';

function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

export function createFirstLoginRouter(services: Pick<Services, 'store' | 'clock' | 'hasher' | 'config'>): Router {
  const router = Router();
  const { store, clock, hasher } = services;

  async function render(req: Request, res: Response, status: number, errors?: FieldErrors, username?: string) {
    const account = await store.accounts.get(req.user!.accountId);
    res.status(status).render('pages/first-login', {
      layout: 'public',
      titleKey: 'firstLogin.title',
      username: account?.username,
      errors,
      values: { username: username ?? '' },
    });
  }

  router.get('/eerste-keer', async (req, res) => {
    if (!req.session.firstLogin) return res.redirect(303, '/');
    await render(req, res, 200);
  });

  router.post('/eerste-keer', async (req, res, next) => {
    if (!req.session.firstLogin) return res.redirect(303, '/');
    const newPassword = field(req.body, 'newPassword');
    const confirm = field(req.body, 'confirmPassword');
    const newUsername = field(req.body, 'username').slice(0, 200);
    if (newPassword !== confirm) {
      // Nothing is saved; the policy's verdict on the new password is shown along with the mismatch.
      const policy = checkNewPassword(newPassword, { context: { schoolName: services.config.school.name } });
      const errors = fieldErrors(policy.ok ? [] : policy.reasons, () => 'newPassword');
      errors.confirmPassword = [CONFIRM_MISMATCH];
      return render(req, res, 422, errors, newUsername);
    }
    const result = await completeFirstLogin(store.accounts, req.user!.accountId, { newPassword, newUsername }, {
      clock, hasher, policyContext: { schoolName: services.config.school.name },
    });
    if (!result.ok) {
      const errors = fieldErrors(result.reasons, (r) => (isUsernameReason(r) ? 'username' : 'newPassword'));
      return render(req, res, 422, errors, newUsername);
    }
    // Privilege changed: new session id, same login.
    const user = req.user!;
    const { mustEnrol, device } = req.session;
    req.session.regenerate((err) => {
      if (err) return next(err);
      const now = clock.now().toISOString();
      req.session.passport = { user: user.accountId };
      req.session.createdAt = now;
      req.session.lastSeenAt = now;
      req.session.firstLogin = false;
      // A second factor the school requires is still to come; the session list keeps its device.
      if (mustEnrol) req.session.mustEnrol = true;
      if (device) req.session.device = device;
      req.session.save((saveErr) => (saveErr ? next(saveErr) : res.redirect(303, '/')));
    });
  });

  return router;
}
