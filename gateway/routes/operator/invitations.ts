/**
 * Invitations at /beheer/uitnodigingen: find a parent's account by username or e-mail address and
 * re-issue their invitation (lost mail, expired code) while the gateway runs. The search is a POST
 * and its results come back in the response, so no username or address ever lands in a URL, a
 * log line or the browser history. Every search and every re-issue is audited with ids only.
 */
import { Router, type Request, type Response } from 'express';
import { reissueInvitation } from '../../accounts/reissue.ts';
import type { Account } from '../../store/types.ts';
import { auditOperator } from './audit.ts';
import { bodyField } from './body-field.ts';
import type { OperatorRouterDeps, OperatorUser } from './deps.ts';
import {
  findAccounts, invitationRow, latestInvitationKey, REISSUE_MESSAGE_KEYS, type InvitationRow, type ReissueAnswer,
} from './invitations-view.ts';

/** Relative to the /beheer mount. */
const ROUTE = '/uitnodigingen';
const QUERY_MAX = 254;
const ID_MAX = 100;

interface PageModel {
  query?: string;
  /** Message keys next to the search field. */
  queryErrors?: string[];
  /** Set after a search: the rows found (possibly none). */
  rows?: InvitationRow[];
  outcome?: { key: string; ok: boolean; email?: string; expiresAt?: string; issue?: number };
}

export function createInvitationsRouter(deps: OperatorRouterDeps): Router {
  const router = Router();
  // One re-issue per account at a time: a double click must not send two codes.
  const busy = new Set<string>();
  const operatorOf = (res: Response) => res.locals.operator as OperatorUser;

  const render = (res: Response, status: number, model: PageModel) => {
    res.status(status).render('pages/operator/invitations', {
      layout: 'operator', titleKey: 'operator.invitations.title', nav: 'invitations', operator: operatorOf(res), ...model,
    });
  };

  const rowOf = async (account: Account): Promise<InvitationRow> => {
    const key = latestInvitationKey(account);
    return invitationRow(account, key ? await deps.outbox.get(key) : undefined, deps.clock.now());
  };

  router.get(ROUTE, (_req, res) => render(res, 200, {}));

  router.post(ROUTE, async (req: Request, res: Response) => {
    const query = bodyField(req.body, 'zoek', QUERY_MAX).trim();
    if (!query) return render(res, 400, { queryErrors: ['operator.invitations.queryRequired'] });
    const { kind, found } = await findAccounts(deps.store.accounts, query);
    await auditOperator(deps.store, deps.clock, {
      actor: operatorOf(res).username, action: 'operator.invitation.search', requestId: res.locals.requestId,
      detail: { by: kind, matches: found.length, ...(found.length ? { accounts: found.map((a) => a.id).join(',') } : {}) },
    });
    const rows: InvitationRow[] = [];
    for (const account of found) rows.push(await rowOf(account));
    render(res, 200, { query, rows });
  });

  router.post(`${ROUTE}/opnieuw`, async (req: Request, res: Response) => {
    const accountId = bodyField(req.body, 'account', ID_MAX);
    const seenIssue = Number(bodyField(req.body, 'issue', 10));
    const before = accountId ? await deps.store.accounts.get(accountId) : undefined;
    let answer: ReissueAnswer;
    let issue: number | undefined;
    if (!before) {
      answer = 'not-found';
    } else if (busy.has(before.id) || (before.invitations ?? 0) !== seenIssue) {
      answer = 'stale';
    } else {
      busy.add(before.id);
      try {
        const result = await reissueInvitation(deps.invitations, before.id);
        answer = result.outcome === 'skipped' ? result.reason : result.outcome;
        if (result.outcome === 'invited') issue = result.issue;
      } finally {
        busy.delete(before.id);
      }
      if (answer === 'invited') deps.kick?.();
    }
    await auditOperator(deps.store, deps.clock, {
      actor: operatorOf(res).username, action: 'operator.invitation.reissue', requestId: res.locals.requestId,
      detail: { account: accountId, outcome: answer, ...(issue !== undefined ? { issue } : {}) },
    });
    const after = before && (await deps.store.accounts.get(before.id));
    const row = after && (await rowOf(after));
    render(res, answer === 'not-found' ? 404 : 200, {
      ...(row ? { rows: [row] } : {}),
      outcome: {
        key: REISSUE_MESSAGE_KEYS[answer],
        ok: answer === 'invited',
        ...(after?.email ? { email: after.email } : {}),
        ...(row?.expiresAt ? { expiresAt: row.expiresAt } : {}),
        ...(after?.invitations !== undefined ? { issue: after.invitations } : {}),
      },
    });
  });

  return router;
}
