/**
 * The correction form of one child (section 'changes'): GET shows it filled with the current data,
 * POST checks it and stores the request durably, then redirects (303, Post/Redirect/Get) to
 * `/kind/<handle>/wijzigen?ontvangen=<reference>`, which says "ontvangen" with the reference — so a
 * reload asks for that page again instead of posting the form again. The redirect is sent only
 * once the request is flushed to disk. The URL holds the child's handle (meaningful to this account
 * only) and the reference; the page shows a reference only to the account that sent it (404 for
 * anyone else, as for a handle that is not theirs).
 * Both sit behind the section guard: while the calendar keeps 'changes' closed, a POST — however
 * it was crafted — is refused with 403 before anything is read or stored.
 */
import type { Request, RequestHandler, Response } from 'express';
import { formGroups, parseChangeForm, type CurrentValues, type FormErrors } from '../../changes/change-form.ts';
import { isFormKey, newFormKey } from '../../changes/form-key.ts';
import { isMedicalGroup } from '../../changes/medical-fields.ts';
import { inputsNotOffered, offeredGroups, type OfferedGroup } from '../../changes/offered-groups.ts';
import { guardedSubject, requireSectionOpen } from '../../http/section-guard.ts';
import { DEFAULT_LOCALE, isLocale } from '../../i18n/translate.ts';
import { auditView } from '../../privacy/audit-view.ts';
import { childSummary, visibleChild } from '../../privacy/visible.ts';
import { resolveChild, type ChildContext } from './child-context.ts';
import { closureOf } from './child-pages.ts';
import type { Section } from './section-policy.ts';
import { medicalFormPart } from './medical-correction.ts';
import type { ParentRouterDeps } from './deps.ts';
import { refuseChild, renderNotFound, renderToString } from './render.ts';
import { stalenessOf } from './staleness.ts';
import { changeRequestViews, currentValues, maySubmitFor } from './view-models/change-requests.ts';
import { childHeader } from './view-models/child-header.ts';
import { displayName } from './view-models/person-name.ts';

type Changes = NonNullable<ParentRouterDeps['changes']>;

const REFERENCE = /^WZ-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/** Where the parent lands after a post; `again`: the same form had been sent before. */
export function receivedUrl(handle: string, reference: string, again: boolean): string {
  return `/kind/${handle}/wijzigen?ontvangen=${encodeURIComponent(reference)}${again ? '&opnieuw=1' : ''}`;
}

function headerOf(ctx: ChildContext) {
  return childHeader(ctx.handle, childSummary(ctx.student.value), ctx.states, 'overview');
}

function baseModel(ctx: ChildContext, titleKey: string) {
  const header = headerOf(ctx);
  return { nav: 'children', titleKey, titleName: header.givenName, child: header };
}

/**
 * The guard for a child's section route: the viewer's own child (else the one 404 and a security
 * event), and the section open for them (else the closed page with `closedModel`, 403).
 */
export function childSectionGuard(
  deps: Pick<ParentRouterDeps, 'sis' | 'handles' | 'policy' | 'store' | 'clock' | 'logger'>, section: Section, closedModel: (ctx: ChildContext) => object,
): RequestHandler {
  return requireSectionOpen<ChildContext>({
    section,
    policy: deps.policy,
    capabilities: deps.sis.capabilities,
    async locate(req) {
      if (!req.user) return undefined;
      const ctx = await resolveChild(deps, req.user, String(req.params.handle ?? ''));
      return ctx && { jaargroep: ctx.student.value.jaargroep, subject: ctx };
    },
    notFound: (req, res) => (req.user ? refuseChild(req, res) : renderNotFound(res)),
    async refuse(_req, res, state, ctx) {
      const locale = isLocale(res.locals.locale) ? res.locals.locale : DEFAULT_LOCALE;
      const closures = [closureOf(section, state, locale)];
      res.status(403).send(await renderToString(res, 'pages/closed', { ...closedModel(ctx), closures }));
    },
    onRefused: (info) => deps.logger.info(info, 'section closed: request refused'),
  });
}

/** The guard for every correction route: the viewer's own child, and the section open for them. */
export function changesGuard(deps: ParentRouterDeps): RequestHandler {
  return childSectionGuard(deps, 'changes', (ctx) => baseModel(ctx, 'changes.title'));
}

export function changePages(deps: ParentRouterDeps, changes: Changes) {
  /** What this viewer may correct: only groups whose data they may see (offered-groups.ts). */
  async function formContext(ctx: ChildContext, user: Express.User) {
    const guardians = await deps.sis.listGuardiansOfStudent(ctx.studentId);
    const visible = visibleChild({ viewer: user, viewerGuardian: ctx.guardian.value, student: ctx.student.value, guardians: guardians.value });
    // The medical groups come only while 'medical' is open to this parent (medical-correction.ts).
    const medical = await medicalFormPart(deps, user, ctx, changes.fields);
    const offered = [...offeredGroups(changes.fields, visible, ctx.guardian.value), ...medical.offered];
    return {
      current: { ...currentValues(visible, ctx.guardian.value), ...medical.values }, offered, staleness: stalenessOf(ctx.guardian, ctx.student, guardians),
    };
  }

  const groupsOf = (offered: readonly OfferedGroup[]) => offered.map((o) => o.group);

  /**
   * The form, filled with current data or with what the parent typed. It shows the child's address
   * and contacts, so it is a view like any other — also when it comes back with errors: recorded
   * before it is sent, and not sent when the record cannot be stored.
   */
  async function renderForm(
    res: Response, ctx: ChildContext, user: Express.User, status: number,
    form: { formKey: string; offered: readonly OfferedGroup[]; values: CurrentValues; errors?: FormErrors; staleness?: unknown },
  ): Promise<void> {
    const errors = form.errors && Object.keys(form.errors).length > 0 ? form.errors : undefined;
    const html = await renderToString(res, 'pages/change-form', {
      ...baseModel(ctx, 'changes.title'),
      formKey: form.formKey,
      groups: formGroups(groupsOf(form.offered), form.values, form.errors),
      errors,
      staleness: form.staleness,
    });
    await auditView(deps.store, deps.clock, { accountId: user.accountId, studentId: ctx.studentId, section: 'changes', requestId: res.locals.requestId });
    if (form.offered.some((o) => isMedicalGroup(o.group))) {
      await auditView(deps.store, deps.clock, { accountId: user.accountId, studentId: ctx.studentId, section: 'medical', requestId: res.locals.requestId });
    }
    res.status(status).send(html);
  }

  async function refuseWithoutGezag(res: Response, ctx: ChildContext): Promise<void> {
    res.status(403).send(await renderToString(res, 'pages/change-form', { ...baseModel(ctx, 'changes.title'), notAllowed: true }));
  }

  /** "Ontvangen" for one of this account's own requests for this child; 404 for any other reference. */
  async function received(req: Request, res: Response, user: Express.User, reference: unknown): Promise<void> {
    const ctx = guardedSubject<ChildContext>(res);
    const own = typeof reference === 'string' && REFERENCE.test(reference)
      ? (await changes.requests.listForChild(user.accountId, ctx.studentId)).find((r) => r.reference === reference)
      : undefined;
    if (!own) return renderNotFound(res);
    const html = await renderToString(res, 'pages/change-received', {
      ...baseModel(ctx, 'changes.receivedTitle'),
      reference: own.reference,
      again: req.query.opnieuw === '1',
      request: (await changeRequestViews(changes.requests, [own]))[0],
    });
    await auditView(deps.store, deps.clock, { accountId: user.accountId, studentId: ctx.studentId, section: 'changes', requestId: res.locals.requestId });
    res.send(html);
  }

  async function form(req: Request, res: Response, user: Express.User): Promise<void> {
    if (req.query.ontvangen !== undefined) return received(req, res, user, req.query.ontvangen);
    const ctx = guardedSubject<ChildContext>(res);
    if (!maySubmitFor(user, ctx.guardian.value, ctx.studentId)) return refuseWithoutGezag(res, ctx);
    const { current, offered, staleness } = await formContext(ctx, user);
    return renderForm(res, ctx, user, 200, { formKey: newFormKey(), offered, values: current, staleness });
  }

  async function submit(req: Request, res: Response, user: Express.User): Promise<void> {
    const ctx = guardedSubject<ChildContext>(res);
    if (!maySubmitFor(user, ctx.guardian.value, ctx.studentId)) return refuseWithoutGezag(res, ctx);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const { current, offered, staleness } = await formContext(ctx, user);
    const foreign = inputsNotOffered(body, offered);
    if (foreign.length > 0) {
      // A crafted post (or a form from before the school changed its fields): refused whole, nothing
      // stored, and the answer is the same whatever the reason the inputs are not offered.
      deps.logger.warn({ requestId: res.locals.requestId, inputs: foreign }, 'correction refused: inputs not offered to this parent');
      return renderForm(res, ctx, user, 400, { formKey: newFormKey(), offered, values: current, errors: { form: ['changes.errors.notOffered'] }, staleness });
    }
    const secretGroups = new Set(offered.filter((o) => o.secret).map((o) => o.group));
    const parsed = parseChangeForm(body, groupsOf(offered), current, secretGroups);
    if (!isFormKey(body.formKey)) {
      return renderForm(res, ctx, user, 400, { formKey: newFormKey(), offered, values: parsed.values, errors: { form: ['changes.errors.formExpired'] }, staleness });
    }
    if (!parsed.ok) return renderForm(res, ctx, user, 422, { formKey: body.formKey, offered, values: parsed.values, errors: parsed.errors, staleness });

    const student = ctx.student.value;
    const { request, created } = await changes.requests.submit({
      accountId: user.accountId, guardianId: user.guardianId, studentId: ctx.studentId, formKey: body.formKey,
      fields: parsed.fields, studentName: displayName(student.name), guardianName: displayName(ctx.guardian.value.name),
      groupName: student.group?.name ?? '', requestId: res.locals.requestId,
    });
    if (request.studentId !== ctx.studentId) {
      // This form's key was already used for another child: a crafted or very confused post.
      return renderForm(res, ctx, user, 400, { formKey: newFormKey(), offered, values: current, errors: { form: ['changes.errors.formExpired'] }, staleness });
    }
    // submit() resolved only once the request and its delivery were flushed: the redirect may go now.
    res.redirect(303, receivedUrl(ctx.handle, request.reference, !created));
  }

  return { form, submit };
}
