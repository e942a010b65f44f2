/**
 * "Gesprek aanvragen" for one child (section `conversations`): GET shows why there is no chat, the
 * form and this parent's own earlier requests with their state ("ontvangen", or the agreed moment);
 * POST checks the form, stores the request and its mail durably, then redirects (303) to
 * `?ontvangen=<reference>`. Only a parent with gezag may ask, or a limited account whose grant
 * names the section (the school's say, as for sick reports and leave); both routes sit behind the
 * section guard, so a closed section refuses a crafted POST before anything is stored.
 */
import type { Request, RequestHandler, Response } from 'express';
import { isFormKey, newFormKey } from '../changes/form-key.ts';
import type { Config } from '../config/index.ts';
import { guardedSubject } from '../http/section-guard.ts';
import type { Locale } from '../i18n/translate.ts';
import { auditView } from '../privacy/audit-view.ts';
import { childSummary } from '../privacy/visible.ts';
import { childSectionGuard } from '../routes/parent/change-pages.ts';
import type { ChildContext } from '../routes/parent/child-context.ts';
import { localeOf } from '../routes/parent/child-pages.ts';
import type { ParentRouterDeps } from '../routes/parent/deps.ts';
import { renderNotFound, renderToString } from '../routes/parent/render.ts';
import { childHeader } from '../routes/parent/view-models/child-header.ts';
import { displayName } from '../routes/parent/view-models/person-name.ts';
import { mayReportFor } from '../routes/parent/view-models/reported-absences.ts';
import { announceConversation, momentText, recipientFor, type AnnounceDeps } from './announce.ts';
import { DAY_PARTS, parseConversationForm, TOPIC_MAX, type ConversationFormErrors, type ConversationFormValues } from './form.ts';
import { conversationIdFor, type ConversationRequest, type ConversationRequests } from './requests.ts';

export type ConversationPageDeps = Pick<ParentRouterDeps, 'sis' | 'store' | 'clock' | 'logger' | 'handles' | 'policy'> & AnnounceDeps & {
  requests: ConversationRequests;
  config: AnnounceDeps['config'] & Pick<Config, 'conversations'>;
};

const REFERENCE = /^GS-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

function baseModel(ctx: ChildContext, titleKey: string) {
  const header = childHeader(ctx.handle, childSummary(ctx.student.value), ctx.states, 'conversation', ctx.access);
  return { nav: 'children', titleKey, titleName: header.givenName, child: header };
}

export function conversationsGuard(deps: ConversationPageDeps): RequestHandler {
  return childSectionGuard(deps, 'conversations', (ctx) => baseModel(ctx, 'conversations.title'));
}

function requestView(locale: Locale, r: ConversationRequest) {
  return {
    reference: r.reference, topic: r.topic, createdAt: r.createdAt, planned: r.status === 'planned',
    agreedDate: r.agreed?.slice(0, 10), agreedTime: r.agreed?.slice(11, 16),
    moments: r.moments.map((m) => momentText(locale, m)),
  };
}

export function conversationPages(deps: ConversationPageDeps) {
  const max = deps.config.conversations.maxMoments;

  async function render(
    req: Request, res: Response, user: Express.User, status: number,
    form: { formKey: string; values?: ConversationFormValues; errors?: ConversationFormErrors; received?: ConversationRequest },
  ): Promise<void> {
    const ctx = guardedSubject<ChildContext>(res);
    const locale = localeOf(res);
    const own = await deps.requests.listForChild(user.accountId, ctx.studentId);
    const values = form.values ?? { topic: '', moments: [] };
    const explanation = deps.config.conversations.explanation?.[locale];
    const html = await renderToString(res, 'pages/conversation', {
      ...baseModel(ctx, 'conversations.title'),
      explanation, formKey: form.formKey, topic: values.topic, topicMax: TOPIC_MAX,
      errors: form.errors && Object.keys(form.errors).length > 0 ? form.errors : undefined,
      errorList: Object.entries(form.errors ?? {}).map(([field, key]) => ({ field, key })),
      moments: Array.from({ length: max }, (_v, i) => {
        const n = i + 1;
        const given = values.moments[i] ?? { date: '', part: '' };
        return {
          n, date: given.date, dateError: form.errors?.[`datum${n}`], partError: form.errors?.[`dagdeel${n}`],
          parts: DAY_PARTS.map((p) => ({ value: p, labelKey: `conversations.parts.${p}`, selected: p === given.part })),
        };
      }),
      requests: own.map((r) => requestView(locale, r)),
      received: form.received && requestView(locale, form.received),
      again: req.query.opnieuw === '1',
    });
    // The page lists this parent's requests about the child: a view of the child's data, recorded.
    await auditView(deps.store, deps.clock, { accountId: user.accountId, studentId: ctx.studentId, section: 'conversations', requestId: res.locals.requestId });
    res.status(status).send(html);
  }

  async function refuseWithoutGezag(res: Response, ctx: ChildContext): Promise<void> {
    res.status(403).send(await renderToString(res, 'pages/conversation', { ...baseModel(ctx, 'conversations.title'), notAllowed: true }));
  }

  async function page(req: Request, res: Response, user: Express.User): Promise<void> {
    const ctx = guardedSubject<ChildContext>(res);
    if (!mayReportFor(user, ctx, 'conversations')) return refuseWithoutGezag(res, ctx);
    const reference = req.query.ontvangen;
    if (reference !== undefined) {
      const own = typeof reference === 'string' && REFERENCE.test(reference)
        ? (await deps.requests.listForChild(user.accountId, ctx.studentId)).find((r) => r.reference === reference)
        : undefined;
      if (!own) return renderNotFound(res);
      return render(req, res, user, 200, { formKey: newFormKey(), received: own });
    }
    return render(req, res, user, 200, { formKey: newFormKey() });
  }

  async function submit(req: Request, res: Response, user: Express.User): Promise<void> {
    const ctx = guardedSubject<ChildContext>(res);
    if (!mayReportFor(user, ctx, 'conversations')) return refuseWithoutGezag(res, ctx);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = parseConversationForm(body, ctx.today, max);
    if (!isFormKey(body.formKey)) {
      return render(req, res, user, 400, { formKey: newFormKey(), values: parsed.values, errors: { form: 'conversations.errors.formExpired' } });
    }
    if (!parsed.ok) return render(req, res, user, 422, { formKey: body.formKey, values: parsed.values, errors: parsed.errors });
    const student = ctx.student.value;
    const recipient = recipientFor(deps.config, student);
    if (!recipient) {
      // No teacher address and no administration address: nothing could deliver it, so nothing is promised.
      deps.logger.error({ requestId: res.locals.requestId }, 'conversations: no teacher address and no conversations.administrationEmail');
      return render(req, res, user, 503, { formKey: body.formKey, values: parsed.values, errors: { form: 'conversations.errors.noRecipient' } });
    }
    const id = conversationIdFor(user.accountId, body.formKey);
    const { request, created } = await deps.requests.create({
      id, accountId: user.accountId, guardianId: user.guardianId, studentId: ctx.studentId,
      topic: parsed.topic, moments: parsed.moments, routedTo: recipient.routedTo,
    }, res.locals.requestId);
    if (request.studentId !== ctx.studentId) {
      return render(req, res, user, 400, { formKey: newFormKey(), values: parsed.values, errors: { form: 'conversations.errors.formExpired' } });
    }
    await announceConversation(deps, request, recipient.to, {
      child: displayName(student.name), group: student.group?.name ?? '', parent: displayName(ctx.guardian.value.name),
    });
    // "Ontvangen" only once the request and its mail are on disk.
    await deps.store.flush();
    res.redirect(303, `/kind/${ctx.handle}/gesprek?ontvangen=${encodeURIComponent(request.reference)}${created ? '' : '&opnieuw=1'}`);
  }

  return { page, submit };
}
