/**
 * POST /account/wachtwoord: change the password from the account page. On success every other
 * session of the account ends (a stolen session dies with the old password).
 */
import { Router } from 'express';
import { changePassword } from '../../auth/change-password.ts';
import { sessionKey } from '../../http/session-store.ts';
import { sendChangeNotice } from '../../account-safety/change-notice.ts';
import { parentSubject } from '../../auth/second-factor/index.ts';
import { securityEvent } from '../../security-events/index.ts';
import { checkNewPassword } from '../../auth/password-policy.ts';
import { accountPageModel } from '../parent/index.ts';
import type { Services } from '../../services.ts';
import { CONFIRM_MISMATCH, fieldErrors } from './reason-keys.ts';

function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

export function createAccountRouter(services: Pick<Services, 'store' | 'clock' | 'hasher' | 'throttle' | 'config' | 'mail' | 'mailRenderer' | 'accountMail'>): Router {
  const router = Router();
  const { store, clock, hasher, throttle } = services;
  const policyContext = { schoolName: services.config.school.name };

  router.post('/account/wachtwoord', async (req, res) => {
    const accountId = req.user!.accountId;
    const currentPassword = field(req.body, 'currentPassword');
    const newPassword = field(req.body, 'newPassword');
    const confirm = field(req.body, 'confirmPassword');

    let errors;
    if (newPassword !== confirm) {
      const policy = checkNewPassword(newPassword, { context: policyContext });
      errors = fieldErrors(policy.ok ? [] : policy.reasons, () => 'newPassword');
      errors.confirmPassword = [CONFIRM_MISMATCH];
    } else if (!(await services.accountMail.take(accountId)).allowed) {
      errors = { form: ['accountMail.limit'] };
    } else {
      const before = await store.accounts.get(accountId);
      const result = await changePassword(store.accounts, accountId, { currentPassword, newPassword }, {
        clock, hasher, throttle, ip: req.ip, policyContext,
      });
      if (result.ok) {
        await store.sessions.destroyByAccount(accountId, sessionKey(req.sessionID));
        if (before) await sendChangeNotice(services, before, 'password');
        await securityEvent(req, { type: 'password.change', outcome: 'success', subject: parentSubject(accountId) });
        return res.redirect(303, '/account?opgeslagen=1');
      }
      if (result.reasons.includes('wrong_current_password') || result.reasons.includes('throttled')) {
        await securityEvent(req, { type: 'password.change', outcome: result.reasons.includes('throttled') ? 'throttled' : 'failure', subject: parentSubject(accountId) });
      }
      errors = fieldErrors(result.reasons, (r) => (r === 'wrong_current_password' || r === 'throttled' ? 'currentPassword' : 'newPassword'));
    }
    const account = await store.accounts.get(accountId);
    if (!account) return res.redirect(303, '/inloggen');
    res.status(422).render('pages/account', accountPageModel(account, { errors }));
  });

  return router;
}
