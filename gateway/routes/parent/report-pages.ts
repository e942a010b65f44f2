/**
 * The report cards of one child (section 'reports'): the list of reports issued so far, and the
 * download of one. A report exists for parents from its issue date on and only while the calendar
 * keeps the section open; a parent without gezag sees reports only with a grant that covers them
 * (privacy/section-access.ts). The download sits behind the section guard, names the report by an
 * opaque handle (reports/report-handles.ts), is `no-store`, capped in size, and audited. A document
 * over the cap is refused with a page (502: the SIS gave what the portal cannot pass on) telling
 * the parent to ask the school for it, audited as `download.refused` and logged without ids. A
 * document whose body is not the size the SIS declared is found mid-download, after the 200: the
 * connection is aborted (reports/capped-stream.ts), so the browser shows a failed download rather
 * than a cut PDF, and it is logged without ids.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { ReportCard } from '../../../adapters/contract/index.ts';
import { guardedSubject, requireSectionOpen } from '../../http/section-guard.ts';
import { auditView } from '../../privacy/audit-view.ts';
import { childSummary } from '../../privacy/visible.ts';
import { checkDeclaredSize, isDocumentSizeMismatch, isDocumentTooLarge, readCapped, streamDeclared } from '../../reports/capped-stream.ts';
import { issuedReports, reportFileName } from '../../reports/issued.ts';
import { reportHandle, resolveReport } from '../../reports/report-handles.ts';
import { resolveChild, type ChildContext } from './child-context.ts';
import { baseModel, closureOf, localeOf, renderAudited, renderClosed, withChild } from './child-pages.ts';
import type { ParentRouterDeps } from './deps.ts';
import { noStore, renderNotFound } from './render.ts';
import { showable } from './section-policy.ts';
import { stalenessOf } from './staleness.ts';
import { childHeader } from './view-models/child-header.ts';

/** Default cap of one report document: a report card is a few pages. */
export const DEFAULT_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export interface ReportLink {
  href: string;
  period: string;
  schoolYear: string;
  issuedOn: string;
  jaargroep: number;
}

export function reportLinks(deps: Pick<ParentRouterDeps, 'handles'>, user: Express.User, ctx: ChildContext, reports: readonly ReportCard[]): ReportLink[] {
  return issuedReports(reports, ctx.today).map((r) => ({
    href: `/kind/${ctx.handle}/rapporten/${reportHandle(deps.handles, user.accountId, r)}`,
    period: r.period, schoolYear: r.schoolYear, issuedOn: r.issuedOn, jaargroep: r.jaargroep,
  }));
}

/** Whether this viewer may see this child's reports now: allowed (gezag or grant), offered and open. */
export function reportsShowable(ctx: ChildContext): boolean {
  return ctx.access.reports && showable(ctx.states.reports);
}

export function reportPages(deps: ParentRouterDeps) {
  const maxBytes = deps.documentMaxBytes ?? DEFAULT_DOCUMENT_MAX_BYTES;

  async function list(req: Request, res: Response, user: Express.User): Promise<void> {
    const found = await withChild(deps, req, res, user, 'reports');
    if (!found) return;
    const { ctx, header } = found;
    if (!ctx.access.reports) return renderNotFound(res);
    if (!showable(ctx.states.reports)) {
      await renderClosed(res, header, 'reports.title', [closureOf('reports', ctx.states.reports, localeOf(res))]);
      return;
    }
    const served = await deps.sis.listReports(ctx.studentId);
    const model = {
      ...baseModel(header, 'reports.title'),
      reports: reportLinks(deps, user, ctx, served.value),
      staleness: stalenessOf(ctx.guardian, ctx.student, served),
    };
    await renderAudited(deps, res, user, ctx, 'pages/reports', model, ['reports']);
  }

  /** The 502 page for a document the portal cannot pass on: over the cap, or (`broken`) not the size it declared. */
  function refusalPage(res: Response, ctx: ChildContext, broken: boolean): void {
    noStore(res);
    res.status(502).render('pages/report-too-large', {
      ...baseModel(headerOf(ctx), 'reports.title'), broken, ...(deps.schoolEmail ? { schoolEmail: deps.schoolEmail } : {}),
    });
  }

  async function refuseTooLarge(res: Response, user: Express.User, ctx: ChildContext, report: ReportCard): Promise<void> {
    await auditView(deps.store, deps.clock, {
      accountId: user.accountId, studentId: ctx.studentId, section: 'reports', action: 'download.refused',
      requestId: res.locals.requestId, detail: { reportId: report.id, reason: 'too-large' },
    });
    deps.logger.warn({ section: 'reports', reason: 'DOCUMENT_TOO_LARGE', limit: maxBytes }, 'report document over the size cap: download refused');
    refusalPage(res, ctx, false);
  }

  async function download(_req: Request, res: Response, user: Express.User): Promise<void> {
    const { ctx, report } = guardedSubject<{ ctx: ChildContext; report: ReportCard }>(res);
    const doc = await deps.sis.getReportDocument(ctx.studentId, report.id);
    let whole: Buffer | undefined;
    try {
      // A declared size is checked before reading; without one the body is read (capped) first.
      if (doc.byteLength === undefined) whole = await readCapped(doc, maxBytes);
      else checkDeclaredSize(doc, maxBytes);
    } catch (err) {
      if (!isDocumentTooLarge(err)) throw err;
      return refuseTooLarge(res, user, ctx, report);
    }
    await auditView(deps.store, deps.clock, {
      accountId: user.accountId, studentId: ctx.studentId, section: 'reports', action: 'download',
      requestId: res.locals.requestId, detail: { reportId: report.id },
    });
    noStore(res);
    res.set('Content-Type', doc.contentType);
    res.set('Content-Disposition', `attachment; filename="${reportFileName(report)}"`);
    if (whole) {
      res.set('Content-Length', String(whole.byteLength));
      res.end(whole);
      return;
    }
    res.set('Content-Length', String(doc.byteLength));
    try {
      await streamDeclared(res, doc);
    } catch (err) {
      if (!isDocumentSizeMismatch(err)) throw err;
      deps.logger.warn({ section: 'reports', reason: 'DOCUMENT_SIZE_MISMATCH', declared: err.declared, received: err.received, larger: err.larger },
        'report document not the size the SIS declared: download aborted');
      // Once the 200 and its Content-Length went out the connection is gone and nothing is left to
      // answer; found before (a document in one piece), the parent gets the page instead of a reset.
      if (res.headersSent) return;
      for (const name of ['Content-Type', 'Content-Disposition', 'Content-Length']) res.removeHeader(name);
      refusalPage(res, ctx, true);
    }
  }

  /** The child, a report of theirs issued by today, and the section open: else 404 or the closed page. */
  const guard: RequestHandler = requireSectionOpen<{ ctx: ChildContext; report: ReportCard }>({
    section: 'reports',
    policy: deps.policy,
    capabilities: deps.sis.capabilities,
    async locate(req) {
      if (!req.user) return undefined;
      const ctx = await resolveChild(deps, req.user, String(req.params.handle ?? ''));
      if (!ctx || !ctx.access.reports) return undefined;
      // A closed section is refused before the SIS is asked for the pupil's reports.
      if (!showable(ctx.states.reports)) return { jaargroep: ctx.student.value.jaargroep, subject: { ctx, report: undefined as never } };
      const issued = issuedReports((await deps.sis.listReports(ctx.studentId)).value, ctx.today);
      const report = resolveReport(deps.handles, req.user.accountId, String(req.params.report ?? ''), issued);
      return report && { jaargroep: ctx.student.value.jaargroep, subject: { ctx, report } };
    },
    notFound: (_req, res) => { noStore(res); renderNotFound(res); },
    async refuse(_req, res, state, { ctx }) {
      noStore(res);
      res.status(403);
      await renderClosed(res, headerOf(ctx), 'reports.title', [closureOf('reports', state, localeOf(res))]);
    },
    onRefused: (info) => deps.logger.info(info, 'section closed: request refused'),
  });

  return { list, download, guard };
}

function headerOf(ctx: ChildContext) {
  return childHeader(ctx.handle, childSummary(ctx.student.value), ctx.states, 'reports', ctx.access);
}
