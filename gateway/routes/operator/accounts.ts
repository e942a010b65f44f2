/**
 * Parents' accounts for staff (role administratie), under /beheer/accounts:
 *
 *   GET  /accounts                 the search form
 *   POST /accounts                 zoek=<name, username, e-mail address or a child's name> (never in a URL)
 *   GET  /accounts/:id             the account page (id is the store's opaque id)
 *   POST /accounts/:id/uitschakelen   reden required; ends every session at once
 *   POST /accounts/:id/inschakelen    reden required
 *   POST /accounts/:id/sessies        end every session
 *   POST /accounts/:id/uitnodiging    re-issue the invitation
 *   POST /accounts/:id/intrekken      revoke a limited grant (reden required)
 *   POST /accounts/:id/tweede-factor  reset the parent's second factor (reden required; ends sessions)
 *   POST /accounts/toegang            guardian=<SIS id> or account=<id>; with stap=opslaan: onderdelen[],
 *                                     tot (YYYY-MM-DD), reden → grants limited access, invites a new account
 *
 * Every look and every action is audited with the staff member, the account id and the reason;
 * the page answers with a redirect and a message key from a fixed list.
 */
import { Router, type Request, type Response } from 'express';
import { GRANTABLE_SECTIONS, GRANTED_ONLY_WHEN_CHOSEN, endAccountSessions, grantLimitedAccess, revokeLimitedAccess, setAccountDisabled } from '../../accounts/staff-actions.ts';
import { reissueInvitation } from '../../accounts/reissue.ts';
import { resetSecondFactor } from '../../account-safety/reset-second-factor.ts';
import { SEARCH_MIN, searchAccounts } from '../../accounts/account-search.ts';
import { isLocalDate, localDateOf } from '../../policy/local-time.ts';
import { displayName } from '../parent/view-models/person-name.ts';
import { accountPage, relationKey } from './account-view.ts';
import { auditOperator } from './audit.ts';
import { bodyField } from './body-field.ts';
import type { OperatorRouterDeps, OperatorUser } from './deps.ts';
import { requireRole } from './guard.ts';

const ROUTE = '/accounts';
const REASON_MAX = 500;
const FLASHES = ['disabled', 'enabled', 'sessionsEnded', 'invited', 'inviteSkipped', 'granted', 'grantChanged', 'revoked', 'reasonRequired', 'secondFactorReset', 'secondFactorNone'] as const;
type Flash = (typeof FLASHES)[number];
const TIME_ZONE = 'Europe/Amsterdam';

export function createAccountsRouter(deps: OperatorRouterDeps): Router {
  const router = Router();
  router.use(ROUTE, requireRole('administratie'));
  const operatorOf = (res: Response) => res.locals.operator as OperatorUser;
  const audit = (res: Response, action: string, detail: Record<string, string | number | boolean>) => auditOperator(deps.store, deps.clock, {
    actor: operatorOf(res).username, action, section: 'accounts', requestId: res.locals.requestId, detail,
  });
  const render = (res: Response, status: number, view: string, model: Record<string, unknown>) => {
    res.status(status).render(`pages/operator/${view}`, { layout: 'operator', nav: 'accounts', operator: operatorOf(res), ...model });
  };
  const back = (res: Response, id: string, flash: Flash) => res.redirect(303, `/beheer/accounts/${encodeURIComponent(id)}?melding=${flash}`);

  router.get(ROUTE, (_req, res) => render(res, 200, 'accounts', { titleKey: 'operator.accounts.title' }));

  router.post(ROUTE, async (req: Request, res: Response) => {
    const query = bodyField(req.body, 'zoek', 100).trim();
    if (query.length < SEARCH_MIN) {
      return render(res, 422, 'accounts', { titleKey: 'operator.accounts.title', query, queryErrors: ['operator.accounts.queryTooShort'] });
    }
    const { hits, candidates } = await searchAccounts({ accounts: deps.store.accounts, sis: deps.sis }, query);
    await audit(res, 'operator.account.search', { matches: hits.length, candidates: candidates.length });
    render(res, 200, 'accounts', {
      titleKey: 'operator.accounts.title', query, searched: true,
      hits: hits.map((h) => ({
        id: h.account.id, username: h.account.username, guardianName: h.guardianName, email: h.account.email,
        children: h.children.map((c) => c.name).join(', '), disabled: h.account.status === 'disabled', limited: h.account.scope === 'limited',
      })),
      candidates: candidates.map((c) => ({ guardianId: c.guardianId, guardianName: c.guardianName, childName: c.child.name, relationKey: relationKey(c.relation) })),
    });
  });

  router.post(`${ROUTE}/toegang`, async (req: Request, res: Response) => {
    const body = req.body as Record<string, unknown>;
    const accountId = bodyField(body, 'account', 64);
    const account = accountId ? await deps.store.accounts.get(accountId) : undefined;
    const guardianId = account?.guardianId ?? bodyField(body, 'guardian', 64);
    const guardian = guardianId ? await deps.sis.getGuardian(guardianId).then((g) => g.value, () => undefined) : undefined;
    if (!guardian || account?.scope === 'full') return void res.status(404).render('errors/404', { layout: 'operator' });
    const today = localDateOf(deps.clock.now(), TIME_ZONE);
    const chosen = ([] as unknown[]).concat(body.onderdelen ?? []).filter((s): s is string => (GRANTABLE_SECTIONS as readonly unknown[]).includes(s));
    const until = bodyField(body, 'tot', 10);
    const reason = bodyField(body, 'reden', REASON_MAX).trim();
    const model = {
      titleKey: 'operator.grant.title', guardianId: account ? undefined : guardian.id, accountId: account?.id,
      guardianName: displayName(guardian.name), today, until: until || account?.grant?.until, reason: reason || account?.grant?.reason,
      sections: GRANTABLE_SECTIONS.map((s) => ({
        value: s, labelKey: `operator.grant.section.${s}`,
        checked: body.stap === 'opslaan' ? chosen.includes(s) : (account?.grant?.sections.includes(s) ?? !GRANTED_ONLY_WHEN_CHOSEN.includes(s)),
      })),
    };
    if (body.stap !== 'opslaan') return render(res, 200, 'grant', model);
    const errors: Record<string, string[]> = {};
    if (chosen.length === 0) errors.onderdelen = ['operator.grant.sectionsRequired'];
    if (!isLocalDate(until) || until < today) errors.tot = ['operator.grant.untilInvalid'];
    if (reason === '') errors.reden = ['operator.grant.reasonRequired'];
    if (Object.keys(errors).length > 0) return render(res, 422, 'grant', { ...model, errors });
    const outcome = await grantLimitedAccess(deps.store, deps.clock, guardian, {
      sections: chosen, until, reason, grantedBy: operatorOf(res).username,
    });
    if ('problem' in outcome) return render(res, 422, 'grant', { ...model, problemKey: `operator.grant.problem.${outcome.problem}` });
    let invited = false;
    if (outcome.created) {
      invited = (await reissueInvitation(deps.invitations, outcome.account.id)).outcome === 'invited';
      if (invited) deps.kick?.();
    }
    await audit(res, 'operator.account.grant', {
      account: outcome.account.id, sections: chosen.join(','), until, reason, created: outcome.created, invited,
    });
    back(res, outcome.account.id, outcome.created ? 'granted' : 'grantChanged');
  });

  router.get(`${ROUTE}/:id`, async (req: Request, res: Response) => {
    const account = await deps.store.accounts.get(String(req.params.id));
    if (!account) return void res.status(404).render('errors/404', { layout: 'operator' });
    const page = await accountPage({ sis: deps.sis, store: deps.store, outbox: deps.outbox, secondFactor: deps.secondFactor }, account, deps.clock.now());
    await audit(res, 'view', { account: account.id });
    const melding = req.query.melding;
    const flash = (FLASHES as readonly unknown[]).includes(melding) ? `operator.accounts.flash.${String(melding)}` : undefined;
    render(res, 200, 'account', { titleKey: 'operator.accounts.accountTitle', account: page, flash, flashOk: melding !== 'reasonRequired' });
  });

  /** An action on one account; `needsReason` refuses without one. */
  function action(path: string, needsReason: boolean, run: (account: NonNullable<Awaited<ReturnType<typeof deps.store.accounts.get>>>, res: Response) => Promise<{ flash: Flash; detail: Record<string, string | number | boolean> }>, auditAction: string) {
    router.post(`${ROUTE}/:id/${path}`, async (req: Request, res: Response) => {
      const account = await deps.store.accounts.get(String(req.params.id));
      if (!account) return void res.status(404).render('errors/404', { layout: 'operator' });
      const reason = bodyField(req.body, 'reden', REASON_MAX).trim();
      if (needsReason && reason === '') return back(res, account.id, 'reasonRequired');
      const { flash, detail } = await run(account, res);
      await audit(res, auditAction, { account: account.id, ...(reason ? { reason } : {}), ...detail });
      back(res, account.id, flash);
    });
  }

  action('uitschakelen', true, async (account) => {
    const { sessionsEnded } = await setAccountDisabled(deps.store, deps.clock, account, true);
    return { flash: 'disabled', detail: { sessionsEnded } };
  }, 'operator.account.disable');
  action('inschakelen', true, async (account) => {
    await setAccountDisabled(deps.store, deps.clock, account, false);
    return { flash: 'enabled', detail: {} };
  }, 'operator.account.enable');
  action('sessies', false, async (account) => ({ flash: 'sessionsEnded', detail: { sessionsEnded: await endAccountSessions(deps.store, account) } }), 'operator.account.endSessions');
  action('uitnodiging', false, async (account) => {
    const result = await reissueInvitation(deps.invitations, account.id);
    if (result.outcome === 'invited') deps.kick?.();
    return { flash: result.outcome === 'invited' ? 'invited' : 'inviteSkipped', detail: { outcome: result.outcome === 'skipped' ? result.reason : result.outcome } };
  }, 'operator.invitation.reissue');
  action('intrekken', true, async (account) => {
    const { sessionsEnded } = await revokeLimitedAccess(deps.store, deps.clock, account);
    return { flash: 'revoked', detail: { sessionsEnded } };
  }, 'operator.account.revoke');
  action('tweede-factor', true, async (account, res) => {
    const outcome = await resetSecondFactor(
      { store: deps.store, clock: deps.clock, secondFactor: deps.secondFactor, securityEvents: deps.securityEvents, operators: deps.operators },
      { parent: account.id },
      { actor: operatorOf(res).username, origin: { ip: res.req.ip, method: 'POST', path: res.req.originalUrl, requestId: res.locals.requestId as string | undefined } },
    );
    return { flash: outcome === 'reset' ? 'secondFactorReset' : 'secondFactorNone', detail: { outcome } };
  }, 'operator.account.secondFactorReset');

  return router;
}
