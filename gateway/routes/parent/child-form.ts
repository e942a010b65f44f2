/**
 * What the child's forms for acting on the child's behalf (absence report, leave) share: the page
 * model with the child's header, the refusal for a viewer who may not act for the child, and the
 * send of a form page — a view of the child's data, so audited before it goes out.
 */
import type { Response } from 'express';
import { auditView } from '../../privacy/audit-view.ts';
import { childSummary } from '../../privacy/visible.ts';
import type { ChildContext } from './child-context.ts';
import type { ParentRouterDeps } from './deps.ts';
import { renderToString } from './render.ts';
import { childHeader, type ChildPage } from './view-models/child-header.ts';

export function childFormModel(ctx: ChildContext, page: ChildPage, titleKey: string) {
  const header = childHeader(ctx.handle, childSummary(ctx.student.value), ctx.states, page, ctx.access);
  return { nav: 'children', titleKey, titleName: header.givenName, child: header };
}

/** 403 with the form page's own "only a parent with gezag" notice; nothing read or stored. */
export async function refuseChildForm(res: Response, ctx: ChildContext, view: string, page: ChildPage, titleKey: string): Promise<void> {
  res.status(403).send(await renderToString(res, view, { ...childFormModel(ctx, page, titleKey), notAllowed: true }));
}

/** Renders, records the view of `section`, then sends: no record without a page, no page without a record. */
export async function sendChildForm(
  deps: Pick<ParentRouterDeps, 'store' | 'clock'>, res: Response, user: Express.User, ctx: ChildContext,
  form: { view: string; section: string; status: number; model: object },
): Promise<void> {
  const html = await renderToString(res, form.view, form.model);
  await auditView(deps.store, deps.clock, { accountId: user.accountId, studentId: ctx.studentId, section: form.section, requestId: res.locals.requestId });
  res.status(form.status).send(html);
}
