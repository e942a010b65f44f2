/**
 * The parent's notification settings. Behind the parent guard:
 *   GET  /account/meldingen          the topics and the notification address
 *   POST /account/meldingen          topics (checkboxes `topics`)
 *   POST /account/meldingen/email    a new address: a confirmation link goes to it
 * Public (the link may be opened on another device): GET/POST /account/email-bevestigen?token=…
 * — the GET shows a button; only the POST changes the address (mail scanners follow GET links).
 */
import { Router, type Request, type Response } from 'express';
import { confirmEmailChange, pendingEmailChange, requestEmailChange } from '../../notifications/email-change.ts';
import { NOTIFICATION_TOPICS, setTopics, topicsOf } from '../../notifications/prefs.ts';
import type { Services } from '../../services.ts';
import { formField, looksLikeEmail } from './form-field.ts';

type Deps = Pick<Services, 'config' | 'clock' | 'store' | 'mail' | 'mailRenderer'>;

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
    await requestEmailChange(services, account, email);
    await render(req, res, 200, { confirmationSent: email });
  });

  return router;
}

export function createEmailConfirmRouter(services: Pick<Services, 'store' | 'clock'>): Router {
  const router = Router();
  const page = (extra: Record<string, unknown>) => ({ layout: 'public', titleKey: 'emailConfirm.title', ...extra });

  router.get('/account/email-bevestigen', async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const pending = await pendingEmailChange(services, token);
    if (!pending) return res.status(410).render('pages/email-confirm', page({ invalid: true }));
    res.render('pages/email-confirm', page({ token, email: pending.email }));
  });

  router.post('/account/email-bevestigen', async (req, res) => {
    const account = await confirmEmailChange(services, formField(req.body, 'token', 200));
    if (!account) return res.status(410).render('pages/email-confirm', page({ invalid: true }));
    res.render('pages/email-confirm', page({ confirmed: true, email: account.notificationEmail }));
  });

  return router;
}
