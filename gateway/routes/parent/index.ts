/**
 * The logged-in parent's pages. Mount at '/' AFTER the auth guard:
 *
 *   app.use(createParentRouter({ sis, store, clock, logger, portal: config.portal, handles, policy,
 *     results: loadResultsStory(config.results) }));
 *
 * Contract with the app (gateway/app.ts):
 * - `req.user` = { accountId, guardianId, scope: 'full' | 'limited' } (gateway/types/express.d.ts);
 *   `res.locals.csrfToken` and `res.locals.requestId` are set; every POST form renders `_csrf`.
 * - `res.locals.locale` / `lang` / `languageSwitch` come from createI18nMiddleware (gateway/i18n),
 *   mounted before the auth guard; `schoolName` (app.locals) heads every page.
 * - Views: plain Handlebars via createViewEngine (gateway/views/engine.ts), views/ as views dir,
 *   static files views/static served at /static.
 *
 * Routes (GET unless said otherwise; every response `Cache-Control: no-store`):
 *   /                        dashboard: one card per child (name, group, teachers)
 *   /kind/:handle            child overview (section 'personalia')
 *   /kind/:handle/absenties  absences of the current school year (section 'absences')
 *   /kind/:handle/resultaten results (sections 'results.method', 'results.lvs')
 *   /kind/:handle/rapporten  the report cards issued so far (section 'reports'); /rapporten/:report
 *                            downloads one (opaque report handle) behind the section guard
 *   /kind/:handle/medisch    the medical card (section 'medical'; gezag only, secret entries only
 *                            to a guardian the child lives with)
 *   /kind/:handle/wijzigen   GET the correction form, POST a correction (section 'changes', with
 *                            deps.changes); both behind the section guard (gateway/http/section-guard.ts):
 *                            closed → 403 closed page, nothing read or stored
 *   /kind/:handle/ziekmelden GET the absence report form, POST a report (section 'absence-report',
 *                            with deps.absenceReports; gezag only), behind the section guard
 *   /kind/:handle/verlof     GET the leave request form and the parent's requests with the school's
 *                            decision, POST a request (section 'leave', with deps.leave; gezag only)
 *   /hulp                    help, all text from config `portal`
 *   /begrippen               the glossary (config `results.glossary`), one anchor per term
 *   /mijn-gegevens           the parent's own copy (AVG inzage): page, /afdruk (printable), /download (JSON)
 *   /account                 account page with the change-password form; POST /account/wachtwoord
 *                            is the app's, re-rendering 'pages/account' with accountPageModel(account, { errors })
 *
 * Rules kept here:
 * - Children are the viewer's own only: a 'full' account sees its gezag links, a 'limited' one its
 *   links (gateway/privacy/visible.ts). `:handle` is an HMAC handle (gateway/privacy/child-handles.ts);
 *   any handle that is not one of the viewer's children gets the same 404, with no SIS call for it.
 * - Privacy is decided in gateway/privacy/visible.ts only; pages never see raw SIS records.
 * - With `policy`, a closed section renders pages/closed.hbs (reason, reopening date) and its data
 *   is not fetched; the child's sub-navigation marks closed sections.
 * - Each child page shown appends one audit record per section ('dashboard' for the cards), written
 *   after the page rendered and before it is sent; 404s and closed pages are not recorded.
 * - Data served stale while the SIS is down shows a banner with its age; with nothing cached
 *   (SIS_NO_DATA) the page is a 503 with the request id.
 */
import { Router } from 'express';
import { absenceReportPages } from './absence-report-pages.ts';
import { changePages, changesGuard, childSectionGuard } from './change-pages.ts';
import { leavePages } from './leave-pages.ts';
import { childPages } from './child-pages.ts';
import { childFormModel } from './child-form.ts';
import type { ParentRouterDeps } from './deps.ts';
import { glossaryPage } from './glossary-page.ts';
import { homePages } from './home-pages.ts';
import { medicalPage } from './medical-page.ts';
import { reportPages } from './report-pages.ts';
import { myDataPages } from './my-data-pages.ts';
import { parentPage } from './render.ts';

export type { ParentRouterDeps } from './deps.ts';
export { portalTextSchema, type PortalText } from './portal-text.ts';
export type { SectionPolicy, SectionDecision, Section } from './section-policy.ts';
export { accountPageModel, type AccountPageOptions, type PasswordField } from './view-models/account.ts';

export function createParentRouter(deps: ParentRouterDeps): Router {
  const router = Router();
  const home = homePages(deps);
  const child = childPages(deps);
  const page = (handler: Parameters<typeof parentPage>[1]) => parentPage(deps.logger, handler);

  router.get('/', page(home.dashboard));
  router.get('/kind/:handle', page(child.overview));
  router.get('/kind/:handle/absenties', page(child.absences));
  router.get('/kind/:handle/resultaten', page(child.results));
  const reports = reportPages(deps);
  router.get('/kind/:handle/rapporten', page(reports.list));
  router.get('/kind/:handle/rapporten/:report', reports.guard, page(reports.download));
  router.get('/kind/:handle/medisch', page(medicalPage(deps)));
  if (deps.changes) {
    const changes = changePages(deps, deps.changes);
    const guard = changesGuard(deps);
    router.get('/kind/:handle/wijzigen', guard, page(changes.form));
    router.post('/kind/:handle/wijzigen', guard, page(changes.submit));
  }
  if (deps.absenceReports) {
    const absence = absenceReportPages(deps, deps.absenceReports);
    const guard = childSectionGuard(deps, 'absence-report', (ctx) => childFormModel(ctx, 'overview', 'absenceReport.title'));
    router.get('/kind/:handle/ziekmelden', guard, page(absence.form));
    router.post('/kind/:handle/ziekmelden', guard, page(absence.submit));
  }
  if (deps.leave) {
    const leave = leavePages(deps, deps.leave);
    const guard = childSectionGuard(deps, 'leave', (ctx) => childFormModel(ctx, 'overview', 'leave.title'));
    router.get('/kind/:handle/verlof', guard, page(leave.form));
    router.post('/kind/:handle/verlof', guard, page(leave.submit));
  }
  router.get('/hulp', page(home.help));
  router.get('/begrippen', page(glossaryPage(deps)));
  router.get('/account', page(home.account));
  const myData = myDataPages({ ...deps, changes: deps.changes?.requests, absenceReports: deps.absenceReports?.reports, leave: deps.leave?.requests });
  router.get('/mijn-gegevens', page(myData.page));
  router.get('/mijn-gegevens/afdruk', page(myData.print));
  router.get('/mijn-gegevens/download', page(myData.download));

  return router;
}
