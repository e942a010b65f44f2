/**
 * The parent's notification settings. Behind the parent guard:
 *   GET  /account/meldingen          the topics and the notification address
 *   POST /account/meldingen          topics (checkboxes `topics`)
 *   POST /account/meldingen/email    a new address: a confirmation link goes to it — only with the
 *                                    current password (or a fresh login), within the account's
 *                                    daily mail allowance; once confirmed, the previous address and
 *                                    the SIS address are told, with a "dit was ik niet" link
 * Public (the link may be opened on another device): GET/POST /account/email-bevestigen?token=…
 * — the GET shows a button; only the POST changes the address (mail scanners follow GET links).
 */
import { Router, type Request, type Response } from 'express';
import { sendChangeNotice } from '../../account-safety/change-notice.ts';
import { reauthenticate, reauthMessage } from '../../account-safety/reauth.ts';
import { parentSubject } from '../../auth/second-factor/index.ts';
import { confirmEmailChange, pendingEmailChange, requestEmailChange } from '../../notifications/email-change.ts';
import { securityEvent } from '../../security-events/index.ts';
import { NOTIFICATION_TOPICS, setTopics, topicsOf } from '../../notifications/prefs.ts';
import type { Services } from '../../services.ts';
import { formField, looksLikeEmail } from './form-field.ts';

type Deps = Pick<Services, 'config' | 'clock' | 'store' | 'mail' | 'mailRenderer' | 'hasher' | 'throttle' | 'accountMail'>;

export function createNotificationSettingsRouter(services: Deps): Router {
  const router = Router();

  async function render(req: Request, res: Response, status: number, extra: Record<string, unknown> = {}) {
    const account = await services.store.accounts.get(req.user!.accountId);
    if (!account) return res.redirect(303, '/inloggen');
    const chosen = await topicsOf(services.store, account.id);
    res.status(status).render('pages/notifications', {
      nav: 'account',
      titleKey: 'notifications.title',
      address: account.notificationEmail ?? account.email,
      ownAddress: account.notificationEmail !== undefined,
      topics: NOTIFICATION_TOPICS.map((topic) => ({ topic, labelKey: `notifications.topic.${topic}`, checked: chosen.includes(topic) })),
      window: services.config.mail.notifications.window,
      saved: req.query.opgeslagen === '1',
      ...extra,
    });
  }

  router.get('/account/meldingen', (req, res) => render(req, res, 200));

  router.post('/account/meldingen', async (req, res) => {
    const raw = (req.body as Record<string, unknown> | undefined)?.topics;
    const topics = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    await setTopics(services.store, req.user!.accountId, topics, services.clock.now());
    res.redirect(303, '/account/meldingen?opgeslagen=1');
  });

  router.post('/account/meldingen/email', async (req, res) => {
    const email = formField(req.body, 'email', 320).trim();
    if (!looksLikeEmail(email)) return render(req, res, 422, { email, errors: { email: ['notifications.email.invalid'] } });
    const account = await services.store.accounts.get(req.user!.accountId);
    if (!account) return res.redirect(303, '/inloggen');
    const check = await reauthenticate(services, req, formField(req.body, 'currentPassword', 1024));
    if (!check.ok) {
      await securityEvent(req, { type: 'address.change', outcome: check.reason === 'throttled' ? 'throttled' : 'failure', subject: parentSubject(account.id) });
      return render(req, res, check.reason === 'throttled' ? 429 : 422, {
        email, errors: { currentPassword: [reauthMessage(check)] }, retryAfterSec: check.retryAfterSec,
      });
    }
    // The confirmation now and the change notice once it is confirmed.
    if (!(await services.accountMail.take(account.id, 2)).allowed) {
      return render(req, res, 429, { email, errors: { form: ['accountMail.limit'] } });
    }
    await requestEmailChange(services, account, email);
    await securityEvent(req, { type: 'address.change', outcome: 'requested', subject: parentSubject(account.id) });
    await render(req, res, 200, { confirmationSent: email });
  });

  return router;
}

export function createEmailConfirmRouter(services: Pick<Services, 'config' | 'store' | 'clock' | 'mail' | 'mailRenderer'>): Router {
  const router = Router();
  const page = (extra: Record<string, unknown>) => ({ layout: 'public', titleKey: 'emailConfirm.title', ...extra });

  router.get('/account/email-bevestigen', async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const pending = await pendingEmailChange(services, token);
    if (!pending) return res.status(410).render('pages/email-confirm', page({ invalid: true }));
    res.render('pages/email-confirm', page({ token, email: pending.email }));
  });

  router.post('/account/email-bevestigen', async (req, res) => {
    const changed = await confirmEmailChange(services, formField(req.body, 'token', 200));
    if (!changed) return res.status(410).render('pages/email-confirm', page({ invalid: true }));
    await sendChangeNotice(services, changed.before, 'address');
    await securityEvent(req, { type: 'address.change', outcome: 'success', subject: parentSubject(changed.account.id) });
    res.render('pages/email-confirm', page({ confirmed: true, email: changed.account.notificationEmail }));
  });

  return router;
}
