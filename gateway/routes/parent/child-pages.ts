/**
 * The pages of one child: overview (personalia), absences and results. Each checks the calendar
 * before it fetches a section's data; a closed section renders the closed page and fetches nothing.
 */
import type { Request, Response } from 'express';
import type { Absence } from '../../../adapters/contract/index.ts';
import { mayReportFor, reportedNotInSis } from './view-models/reported-absences.ts';
import { auditView } from '../../privacy/audit-view.ts';
import { childSummary, visibleChild } from '../../privacy/visible.ts';
import { schoolYearOf } from '../../sis/school-year.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../i18n/translate.ts';
import { resolveChild, type ChildContext } from './child-context.ts';
import type { ParentRouterDeps } from './deps.ts';
import { refuseChild, renderToBytes, renderToString } from './render.ts';
import { reasonIn, showable, type Section, type SectionState } from './section-policy.ts';
import { stalenessOf } from './staleness.ts';
import { absencesView } from './view-models/absences.ts';
import { changeRequestViews, maySubmitFor } from './view-models/change-requests.ts';
import { childHeader, type ChildHeader, type ChildPage } from './view-models/child-header.ts';
import { childOverview } from './view-models/child-overview.ts';
import { createResultsViews } from './view-models/results.ts';
import { reportLinks, reportsShowable } from './report-pages.ts';

export interface Closure {
  sectionKey: string;
  reason?: string;
  reopensOn?: string;
  /** Never open yet: the notice says "opens on", with the school's words about what opens. */
  firstOpening?: { description?: string };
  notOffered: boolean;
}

export function localeOf(res: Response): Locale {
  return isLocale(res.locals.locale) ? res.locals.locale : DEFAULT_LOCALE;
}

export function closureOf(section: Section, state: SectionState, locale: Locale): Closure {
  return {
    sectionKey: `section.${section}`,
    reason: state.offered ? reasonIn(state, locale) : undefined,
    reopensOn: state.offered ? state.reopensOn : undefined,
    ...(state.offered && state.firstOpening && { firstOpening: { description: state.firstOpening.description?.[locale] } }),
    notOffered: !state.offered,
  };
}

/**
 * Both kinds of results closed by the same closure: one notice "Resultaten: nu gesloten" with the
 * reason once, not the same paragraph twice.
 */
export function oneNoticePerReason(closures: Closure[]): Closure[] {
  const [first, second, ...rest] = closures;
  if (!first || !second || rest.length > 0) return closures;
  const same = first.reason === second.reason && first.reopensOn === second.reopensOn && first.notOffered === second.notOffered
    && Boolean(first.firstOpening) === Boolean(second.firstOpening) && first.firstOpening?.description === second.firstOpening?.description;
  return same ? [{ ...first, sectionKey: 'child.nav.results' }] : closures;
}

export async function withChild(
  deps: ParentRouterDeps, req: Request, res: Response, user: Express.User, page: ChildPage,
): Promise<{ ctx: ChildContext; header: ChildHeader } | undefined> {
  const handle = String(req.params.handle ?? '');
  const ctx = await resolveChild(deps, user, handle);
  if (!ctx) {
    await refuseChild(req, res);
    return undefined;
  }
  return { ctx, header: childHeader(handle, childSummary(ctx.student.value), ctx.states, page, ctx.access) };
}

export function baseModel(header: ChildHeader, titleKey: string) {
  // The child pages sit under Overzicht: the main menu marks it as the current section, not the current page.
  return { nav: 'children', titleKey, titleName: header.givenName, child: header };
}

export async function renderClosed(res: Response, header: ChildHeader, titleKey: string, closures: Closure[]): Promise<void> {
  res.send(await renderToString(res, 'pages/closed', { ...baseModel(header, titleKey), closures }));
}

/** Renders, records one audit entry per section shown, then sends: no record without a page, no page without a record. */
export async function renderAudited(
  deps: ParentRouterDeps, res: Response, user: Express.User, ctx: ChildContext,
  view: string, model: object, sections: Section[],
): Promise<void> {
  const page = await renderToBytes(res, view, model);
  // Appended together: on PostgreSQL one INSERT (one commit) for all sections; still every record
  // is committed before the page is sent.
  await Promise.all(sections.map((section) => auditView(deps.store, deps.clock, {
    accountId: user.accountId, studentId: ctx.studentId, section, requestId: res.locals.requestId,
  })));
  res.type('html').send(page);
}

/** The viewer's own corrections for this child, and the way to the form when it is open to them. */
async function changesPanel(deps: ParentRouterDeps, user: Express.User, ctx: ChildContext) {
  if (!deps.changes || !maySubmitFor(user, ctx.guardian.value, ctx.studentId)) return undefined;
  const requests = await deps.changes.requests.listForChild(user.accountId, ctx.studentId);
  const open = showable(ctx.states.changes);
  return { requests: await changeRequestViews(deps.changes.requests, requests, { medical: ctx.access.medical && showable(ctx.states.medical) }), formHref: open ? `/kind/${ctx.handle}/wijzigen` : undefined, closed: !open };
}

/** Days reported absent that the SIS does not list yet, and the way to the report form while it is open. */
async function reportedPanel(deps: ParentRouterDeps, user: Express.User, ctx: ChildContext, sis: readonly Absence[], range: { from: string; to: string }) {
  if (!deps.absenceReports || !mayReportFor(user, ctx, 'absence-report')) return undefined;
  const rows = reportedNotInSis(await deps.absenceReports.reports.listForStudent(ctx.studentId), sis, range, user.accountId);
  return { rows, formHref: showable(ctx.states['absence-report']) ? `/kind/${ctx.handle}/ziekmelden` : undefined };
}

/** What a parent can do for the child from its page (report absent, ask for leave), while open to them. */
function childActions(deps: ParentRouterDeps, user: Express.User, ctx: ChildContext) {
  const actions = [
    ...(deps.absenceReports && mayReportFor(user, ctx, 'absence-report') && showable(ctx.states['absence-report']) ? [{ href: `/kind/${ctx.handle}/ziekmelden`, labelKey: 'absenceReport.action' }] : []),
    ...(deps.leave && mayReportFor(user, ctx, 'leave') && showable(ctx.states.leave) ? [{ href: `/kind/${ctx.handle}/verlof`, labelKey: 'leave.action' }] : []),
  ];
  return actions.length > 0 ? actions : undefined;
}

export function childPages(deps: ParentRouterDeps) {
  const resultsViews = createResultsViews();

  async function overview(req: Request, res: Response, user: Express.User): Promise<void> {
    const found = await withChild(deps, req, res, user, 'overview');
    if (!found) return;
    const { ctx, header } = found;
    const state = ctx.states.personalia;
    if (!showable(state)) {
      await renderClosed(res, header, 'child.title', [closureOf('personalia', state, localeOf(res))]);
      return;
    }
    const guardians = await deps.sis.listGuardiansOfStudent(ctx.studentId);
    const visible = visibleChild({
      viewer: user, viewerGuardian: ctx.guardian.value, student: ctx.student.value, guardians: guardians.value,
    });
    const model = {
      ...baseModel(header, 'child.title'),
      overview: childOverview(visible),
      changes: await changesPanel(deps, user, ctx),
      actions: childActions(deps, user, ctx),
      staleness: stalenessOf(ctx.guardian, ctx.student, guardians),
    };
    await renderAudited(deps, res, user, ctx, 'pages/child', model, ['personalia']);
  }

  async function absences(req: Request, res: Response, user: Express.User): Promise<void> {
    const found = await withChild(deps, req, res, user, 'absences');
    if (!found) return;
    const { ctx, header } = found;
    const state = ctx.states.absences;
    if (!showable(state)) {
      await renderClosed(res, header, 'absences.title', [closureOf('absences', state, localeOf(res))]);
      return;
    }
    const year = schoolYearOf(deps.clock.now());
    const served = await deps.sis.listAbsences(ctx.studentId, { from: year.from, to: year.to });
    const model = {
      ...baseModel(header, 'absences.title'),
      schoolYear: year,
      absences: absencesView(served.value),
      reported: await reportedPanel(deps, user, ctx, served.value, { from: year.from, to: year.to }),
      staleness: stalenessOf(ctx.guardian, ctx.student, served),
    };
    await renderAudited(deps, res, user, ctx, 'pages/absences', model, ['absences']);
  }

  async function results(req: Request, res: Response, user: Express.User): Promise<void> {
    const found = await withChild(deps, req, res, user, 'results');
    if (!found) return;
    const { ctx, header } = found;
    const locale = localeOf(res);
    const method = ctx.states['results.method'];
    const lvs = ctx.states['results.lvs'];
    const showMethod = showable(method);
    const showLvs = showable(lvs);
    const closures = oneNoticePerReason([
      ...(showMethod || !method.offered ? [] : [closureOf('results.method', method, locale)]),
      ...(showLvs || !lvs.offered ? [] : [closureOf('results.lvs', lvs, locale)]),
    ]);
    if (!showMethod && !showLvs) {
      await renderClosed(res, header, 'results.title', closures.length > 0 ? closures : [closureOf('results.lvs', lvs, locale)]);
      return;
    }
    const served = await deps.sis.listResults(ctx.studentId);
    const schoolYear = schoolYearOf(deps.clock.now()).name;
    const model = {
      ...baseModel(header, 'results.title'),
      results: resultsViews.view(served.value, { method: showMethod, lvs: showLvs, schoolYear, locale, story: deps.results }),
      closures,
      resultsNote: deps.portal.resultsNote[locale],
      staleness: stalenessOf(ctx.guardian, ctx.student, served),
    };
    // The report of the same period: the latest one issued this school year, when the viewer may see reports.
    const report = reportsShowable(ctx)
      ? reportLinks(deps, user, ctx, (await deps.sis.listReports(ctx.studentId)).value).find((r) => r.schoolYear === schoolYear)
      : undefined;
    Object.assign(model, { report });
    const sections: Section[] = [...(showMethod ? ['results.method' as const] : []), ...(showLvs ? ['results.lvs' as const] : [])];
    await renderAudited(deps, res, user, ctx, 'pages/results', model, sections);
  }

  return { overview, absences, results };
}
