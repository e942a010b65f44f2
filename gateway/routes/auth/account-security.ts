/**
 * The security parts of the parent's account page (behind the parent guard):
 *   GET  /account                        adds the second factor's state and the active sessions
 *   POST /account/sessies/uitloggen      "log out everywhere": every session of the account ends
 *   GET  /account/tweestaps              set up a second factor (start: current password)
 *   POST /account/tweestaps/start        → QR code (SVG) + key; POST …/bevestigen with a code
 *   POST /account/tweestaps/uit          switch it off (not where the school requires it)
 * Setting up and switching off ask for the current password (or a fresh login) and are told to
 * the account's addresses with a "dit was ik niet" link.
 */
import { Router, type Request, type Response, type NextFunction } from 'express';
import type { AccountMailLimit } from '../../auth/account-mail-limit.ts';
import { parentSubject, type SecondFactor } from '../../auth/second-factor/index.ts';
import { sendChangeNotice } from '../../account-safety/change-notice.ts';
import { reauthenticate, reauthMessage, type ReauthDeps } from '../../account-safety/reauth.ts';
import { sessionKey } from '../../http/session-store.ts';
import { securityEvent } from '../../security-events/index.ts';
import type { Services } from '../../services.ts';
import { accountPageModel } from '../parent/index.ts';
import { formField } from './form-field.ts';

type Deps = ReauthDeps & Pick<Services, 'mail' | 'mailRenderer'> & { secondFactor: SecondFactor; accountMail: AccountMailLimit };

const wrap = (fn: (req: Request, res: Response) => Promise<unknown>) => (req: Request, res: Response, next: NextFunction) => {
  fn(req, res).catch(next);
};

export function createAccountSecurityRouter(deps: Deps): Router {
  const router = Router();
  const mode = deps.config.auth.secondFactor;
  const label = (username: string) => username;

  /** What the account page shows of the second factor and the sessions (res.locals.accountSecurity). */
  async function accountSecurity(req: Request) {
    const accountId = req.user!.accountId;
    const status = await deps.secondFactor.status(parentSubject(accountId));
    const current = sessionKey(req.sessionID);
    const sessions = (await deps.store.sessions.listByAccount(accountId, deps.clock.now()))
      .map((s) => ({
        device: typeof s.data.device === 'string' ? s.data.device : '?',
        startedAt: s.data.createdAt as string | undefined,
        lastSeenAt: (s.data.lastSeenAt ?? s.data.createdAt) as string | undefined,
        current: s.sid === current,
      }))
      .sort((a, b) => Number(b.current) - Number(a.current) || String(b.lastSeenAt).localeCompare(String(a.lastSeenAt)));
    return {
      secondFactor: { offered: mode !== 'off' || status.enrolled, required: mode === 'required', ...status },
      sessions,
    };
  }

  // Then on to the account page of the parent router, which renders it.
  router.get('/account', (req, res, next) => {
    accountSecurity(req).then((model) => {
      res.locals.accountSecurity = model;
      next();
    }, next);
  });

  router.post('/account/sessies/uitloggen', wrap(async (req, res) => {
    const accountId = req.user!.accountId;
    const ended = await deps.store.sessions.destroyByAccount(accountId);
    await securityEvent(req, { type: 'sessions.end', outcome: 'success', subject: parentSubject(accountId), detail: { sessions: ended } });
    res.set('Clear-Site-Data', '"cache", "cookies", "storage"');
    res.redirect(303, '/inloggen');
  }));

  async function renderEnrol(req: Request, res: Response, status: number, extra: Record<string, unknown> = {}) {
    res.status(status).render('pages/second-factor', { nav: 'account', titleKey: 'secondFactor.enrol.title', required: mode === 'required', ...extra });
  }

  router.get('/account/tweestaps', wrap(async (req, res) => {
    const subject = parentSubject(req.user!.accountId);
    if ((await deps.secondFactor.status(subject)).enrolled) return res.redirect(303, '/account');
    if (mode === 'off') return res.redirect(303, '/account');
    await renderEnrol(req, res, 200);
  }));

  router.post('/account/tweestaps/start', wrap(async (req, res) => {
    if (mode === 'off') return res.redirect(303, '/account');
    const account = (await deps.store.accounts.get(req.user!.accountId))!;
    const subject = parentSubject(account.id);
    if ((await deps.secondFactor.status(subject)).enrolled) return res.redirect(303, '/account');
    const check = await reauthenticate(deps, req, formField(req.body, 'currentPassword', 1024));
    if (!check.ok) {
      return renderEnrol(req, res, check.reason === 'throttled' ? 429 : 422, { errors: { currentPassword: [reauthMessage(check)] }, retryAfterSec: check.retryAfterSec });
    }
    const enrolment = await deps.secondFactor.beginEnrolment(subject, label(account.username));
    await renderEnrol(req, res, 200, { enrolment: view(enrolment) });
  }));

  router.post('/account/tweestaps/bevestigen', wrap(async (req, res) => {
    const before = (await deps.store.accounts.get(req.user!.accountId))!;
    const subject = parentSubject(before.id);
    const pending = await deps.secondFactor.pendingEnrolment(subject, label(before.username));
    if (!pending) return res.redirect(303, '/account/tweestaps');
    const mails = await deps.accountMail.take(before.id);
    if (!mails.allowed) return renderEnrol(req, res, 429, { enrolment: view(pending), errors: { form: ['accountMail.limit'] } });
    const result = await deps.secondFactor.confirmEnrolment(subject, formField(req.body, 'code', 64), req.ip);
    if (!result.ok) {
      await securityEvent(req, { type: 'secondFactor.enrol', outcome: result.reason === 'throttled' ? 'throttled' : 'failure', subject });
      const error = result.reason === 'throttled' ? 'login.throttled' : 'secondFactor.enrol.invalid';
      return renderEnrol(req, res, result.reason === 'throttled' ? 429 : 422, {
        enrolment: view(pending), errors: { code: [error] }, ...(result.reason === 'throttled' && { retryAfterSec: result.retryAfterSec }),
      });
    }
    req.session.mustEnrol = false;
    await sendChangeNotice(deps, before, 'secondFactorOn');
    await securityEvent(req, { type: 'secondFactor.enrol', outcome: 'success', subject });
    await renderEnrol(req, res, 200, { recoveryCodes: result.recoveryCodes });
  }));

  router.post('/account/tweestaps/uit', wrap(async (req, res) => {
    const before = (await deps.store.accounts.get(req.user!.accountId))!;
    const subject = parentSubject(before.id);
    if (mode === 'required') return res.redirect(303, '/account');
    const check = await reauthenticate(deps, req, formField(req.body, 'currentPassword', 1024));
    const mails = check.ok ? await deps.accountMail.take(before.id) : { allowed: true as const };
    if (!check.ok || !mails.allowed) {
      const errors = !check.ok ? { secondFactorPassword: [reauthMessage(check)] } : { form: ['accountMail.limit'] };
      res.locals.accountSecurity = await accountSecurity(req);
      return res.status(422).render('pages/account', { ...accountPageModel(before), errors });
    }
    if (await deps.secondFactor.reset(subject)) {
      await sendChangeNotice(deps, before, 'secondFactorOff');
      await securityEvent(req, { type: 'secondFactor.reset', outcome: 'success', subject, detail: { by: 'owner' } });
    }
    res.redirect(303, '/account');
  }));

  return router;
}

/** The QR code as Handlebars' SafeString would carry it: our own SVG from the qrcode library, no input of anyone's. */
class SafeSvg {
  constructor(private readonly svg: string) {}
  toHTML(): string {
    return this.svg;
  }
  toString(): string {
    return this.svg;
  }
}

const view = (enrolment: { secret: string; qrSvg: string }) => ({ secret: enrolment.secret, qrSvg: new SafeSvg(enrolment.qrSvg) });
