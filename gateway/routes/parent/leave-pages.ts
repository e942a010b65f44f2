/**
 * Leave (verlof) for one child (section 'leave'): GET shows the legal frame in plain words, the
 * form, and the parent's own requests with the school's decision; POST checks the form and stores
 * the request (one per form key), then redirects (303) to `/kind/<handle>/verlof?ontvangen=<reference>`.
 * Both sit behind the section guard; only a parent with gezag asks (or a limited account whose
 * grant names the section). The page shows the child's requests: audited as a view.
 */
import type { Request, Response } from 'express';
import { isFormKey, newFormKey } from '../../changes/form-key.ts';
import { guardedSubject } from '../../http/section-guard.ts';
import { LEAVE_AHEAD_DAYS, parseLeaveForm, type LeaveFormErrors, type LeaveFormValues } from '../../leave/form.ts';
import { HEAD_DECIDES_MAX_DAYS, type LeaveRequest } from '../../leave/types.ts';
import { addDays } from '../../policy/local-time.ts';
import type { ChildContext } from './child-context.ts';
import { childFormModel, refuseChildForm, sendChildForm } from './child-form.ts';
import type { ParentRouterDeps } from './deps.ts';
import { displayName } from './view-models/person-name.ts';
import { mayReportFor } from './view-models/reported-absences.ts';

type LeaveDeps = NonNullable<ParentRouterDeps['leave']>;

const VIEW = 'pages/leave';
const TITLE = 'leave.title';

export function leaveView(request: LeaveRequest) {
  return {
    reference: request.reference, from: request.from, to: request.to, schoolDays: request.schoolDays,
    statusKey: `leave.status.${request.status}`, status: request.status, note: request.decision?.note,
    leerplicht: request.schoolDays > HEAD_DECIDES_MAX_DAYS,
  };
}

export function leavePages(deps: ParentRouterDeps, leave: LeaveDeps) {
  async function render(
    req: Request, res: Response, user: Express.User, ctx: ChildContext, status: number,
    form: { formKey: string; values: LeaveFormValues; errors?: LeaveFormErrors },
  ): Promise<void> {
    const own = await leave.requests.listForChild(user.accountId, ctx.studentId);
    const received = typeof req.query.ontvangen === 'string' ? own.find((r) => r.reference === req.query.ontvangen) : undefined;
    const errors = form.errors && Object.keys(form.errors).length > 0 ? form.errors : undefined;
    const model = {
      ...childFormModel(ctx, 'overview', TITLE),
      formKey: form.formKey, values: form.values, errors, maxDays: HEAD_DECIDES_MAX_DAYS,
      received: status === 200 && received ? leaveView(received) : undefined,
      requests: own.map(leaveView),
    };
    await sendChildForm(deps, res, user, ctx, { view: VIEW, section: 'leave', status, model });
  }

  const notAllowed = (res: Response, ctx: ChildContext) => refuseChildForm(res, ctx, VIEW, 'overview', TITLE);

  async function form(req: Request, res: Response, user: Express.User): Promise<void> {
    const ctx = guardedSubject<ChildContext>(res);
    if (!mayReportFor(user, ctx, 'leave')) return notAllowed(res, ctx);
    return render(req, res, user, ctx, 200, { formKey: newFormKey(), values: { from: '', to: '', reason: '' } });
  }

  async function submit(req: Request, res: Response, user: Express.User): Promise<void> {
    const ctx = guardedSubject<ChildContext>(res);
    if (!mayReportFor(user, ctx, 'leave')) return notAllowed(res, ctx);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const today = leave.today();
    const parsed = parseLeaveForm(body, { today, schoolDays: leave.schoolDays, lastDay: addDays(today, LEAVE_AHEAD_DAYS) });
    if (!isFormKey(body.formKey)) {
      return render(req, res, user, ctx, 400, { formKey: newFormKey(), values: parsed.values, errors: { formKey: ['changes.errors.formExpired'] } });
    }
    if (!parsed.ok) return render(req, res, user, ctx, 422, { formKey: body.formKey, values: parsed.values, errors: parsed.errors });
    const student = ctx.student.value;
    const { request } = await leave.requests.submit({
      accountId: user.accountId, guardianId: user.guardianId, studentId: ctx.studentId, formKey: body.formKey,
      from: parsed.from, to: parsed.to, schoolDays: parsed.schoolDays, reason: parsed.reason,
      studentName: displayName(student.name), guardianName: displayName(ctx.guardian.value.name), groupName: student.group?.name ?? '',
      requestId: res.locals.requestId,
    });
    if (request.studentId !== ctx.studentId) {
      return render(req, res, user, ctx, 400, { formKey: newFormKey(), values: parsed.values, errors: { formKey: ['changes.errors.formExpired'] } });
    }
    res.redirect(303, `/kind/${ctx.handle}/verlof?ontvangen=${encodeURIComponent(request.reference)}`);
  }

  return { form, submit };
}
