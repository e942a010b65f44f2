/** The parent's own pages: dashboard (children), help and account. */
import type { Request, Response } from 'express';
import type { Student } from '../../../adapters/contract/index.ts';
import { auditView } from '../../privacy/audit-view.ts';
import { childSummary } from '../../privacy/visible.ts';
import { DEFAULT_LOCALE, isLocale } from '../../i18n/translate.ts';
import type { Served } from '../../sis/types.ts';
import { PORTAL_TIME_ZONE, studentOrNothing, viewerFamily } from './child-context.ts';
import type { ParentRouterDeps } from './deps.ts';
import { renderNotFound, renderToString } from './render.ts';
import { stalenessOf } from './staleness.ts';
import { accountPageModel } from './view-models/account.ts';
import { anythingOpen, comingSections } from './view-models/coming.ts';
import { childCard, dashboardCards } from './view-models/dashboard.ts';
import { sectionStates, statesWithinGrant } from './section-policy.ts';
import { helpView } from './view-models/help.ts';

export function homePages(deps: ParentRouterDeps) {
  async function dashboard(_req: Request, res: Response, user: Express.User): Promise<void> {
    const family = await viewerFamily(deps, user);
    const students = await Promise.all(family.studentIds.map((id) => studentOrNothing(deps, id)));
    const present = students.filter((s): s is Served<Student> => s !== undefined);
    const locale = isLocale(res.locals.locale) ? res.locals.locale : DEFAULT_LOCALE;
    const states = await Promise.all(present.map(async (s) => statesWithinGrant(await sectionStates(deps.policy, deps.sis.capabilities, s.value.jaargroep), user)));
    const cards = dashboardCards(present.map((s, i) => ({
      ...childCard(deps.handles.handleFor(user.accountId, s.value.id), childSummary(s.value)),
      coming: comingSections(states[i]!, locale),
    })));
    const html = await renderToString(res, 'pages/dashboard', {
      nav: 'overview',
      titleKey: 'dashboard.title',
      children: cards,
      // Invitation day: nothing to look at yet, so the page says what is coming instead of inviting a click.
      nothingOpenYet: states.length > 0 && !states.some(anythingOpen),
      staleness: stalenessOf(family.guardian, ...present),
    });
    // The cards show each child's name, group and teacher: a read of the child's data like any other.
    for (const s of present) {
      await auditView(deps.store, deps.clock, {
        accountId: user.accountId, studentId: s.value.id, section: 'dashboard', requestId: res.locals.requestId,
      });
    }
    res.send(html);
  }

  async function help(_req: Request, res: Response): Promise<void> {
    const locale = isLocale(res.locals.locale) ? res.locals.locale : DEFAULT_LOCALE;
    res.render('pages/help', { nav: 'help', titleKey: 'help.title', help: helpView(deps.portal, locale, deps.clock.now(), PORTAL_TIME_ZONE) });
  }

  async function account(req: Request, res: Response, user: Express.User): Promise<void> {
    const record = await deps.store.accounts.get(user.accountId);
    if (!record) {
      renderNotFound(res);
      return;
    }
    // POST /account/wachtwoord redirects here with ?opgeslagen=1 after a successful change.
    res.render('pages/account', accountPageModel(record, { saved: req.query.opgeslagen === '1' }));
  }

  return { dashboard, help, account };
}
