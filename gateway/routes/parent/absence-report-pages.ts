/**
 * The absence report (ziekmelding) of one child (section 'absence-report'): GET shows the form —
 * or, after the school's cut-off for today, that today must be phoned in, with the number — and
 * the days already reported; POST checks the form and stores one report per school day durably,
 * then redirects (303) to `/kind/<handle>/ziekmelden?ontvangen=<n>&al=<m>` (counts only, nothing
 * personal in the URL). Both sit behind the section guard. Only a parent with gezag reports (or a
 * limited account whose grant names the section); the page is audited as a view of the child.
 */
import type { Request, Response } from 'express';
import { emptyAbsenceForm, parseAbsenceForm, pastCutoffFor, type AbsenceFormErrors, type AbsenceFormRules, type AbsenceFormValues } from '../../absence-report/form.ts';
import type { AbsenceReportRecord } from '../../absence-report/types.ts';
import { guardedSubject } from '../../http/section-guard.ts';
import type { ChildContext } from './child-context.ts';
import { childFormModel, refuseChildForm, sendChildForm } from './child-form.ts';
import { localeOf } from './child-pages.ts';
import type { ParentRouterDeps } from './deps.ts';
import { telHref } from '../../school/contact-view.ts';
import { teacherAddressOf } from '../../school/recipient.ts';
import { mayReportFor } from './view-models/reported-absences.ts';
import { displayName } from './view-models/person-name.ts';

type AbsenceDeps = NonNullable<ParentRouterDeps['absenceReports']>;

const VIEW = 'pages/absence-report';
const TITLE = 'absenceReport.title';

/** A reported day as a parent sees it: by themself, or by the other parent. */
export function reportedView(record: AbsenceReportRecord, accountId: string) {
  return { date: record.date, dayPartKey: `dayPart.${record.dayPart}`, reference: record.reference, byYou: record.accountId === accountId };
}

export function absenceReportPages(deps: ParentRouterDeps, absences: AbsenceDeps) {
  const rules = (): AbsenceFormRules => ({
    today: absences.today(), now: deps.clock.now(), cutoff: absences.settings.cutoff,
    aheadDays: absences.settings.aheadDays, reasons: absences.settings.reasons, schoolDays: absences.schoolDays,
  });

  async function render(
    req: Request, res: Response, user: Express.User, ctx: ChildContext, status: number,
    form: { values: AbsenceFormValues; errors?: AbsenceFormErrors; pastCutoff?: boolean },
  ): Promise<void> {
    const locale = localeOf(res);
    const r = rules();
    const cutoffPassed = pastCutoffFor(r, r.today);
    const upcoming = (await absences.reports.listForStudent(ctx.studentId)).filter((x) => x.date >= r.today);
    const errors = form.errors && Object.keys(form.errors).length > 0 ? form.errors : undefined;
    const model = {
      ...childFormModel(ctx, 'absences', TITLE),
      values: form.values, errors,
      received: status === 200 && typeof req.query.ontvangen === 'string' ? Number(req.query.ontvangen) || 0 : undefined,
      already: status === 200 && typeof req.query.al === 'string' ? Number(req.query.al) || 0 : 0,
      pastCutoff: form.pastCutoff === true,
      cutoff: absences.settings.cutoff,
      phone: absences.settings.phone,
      phoneHref: absences.settings.phone && telHref(absences.settings.phone),
      today: { date: r.today, offered: absences.schoolDays.isSchoolDay(r.today) && !cutoffPassed, checked: form.values.when === 'today' },
      tomorrow: { date: absences.schoolDays.next(r.today), checked: form.values.when === 'tomorrow' },
      range: { checked: form.values.when === 'range' },
      dayParts: (['day', 'morning', 'afternoon'] as const).map((p) => ({ value: p, labelKey: `dayPart.${p}`, checked: form.values.dayPart === p })),
      reasons: absences.settings.reasons.map((reason) => ({
        code: reason.code, label: reason.label[locale], authorised: reason.authorised, checked: form.values.reason === reason.code,
      })),
      reported: upcoming.map((x) => reportedView(x, user.accountId)),
    };
    await sendChildForm(deps, res, user, ctx, { view: VIEW, section: 'absence-report', status, model });
  }

  const notAllowed = (res: Response, ctx: ChildContext) => refuseChildForm(res, ctx, VIEW, 'absences', TITLE);

  async function form(req: Request, res: Response, user: Express.User): Promise<void> {
    const ctx = guardedSubject<ChildContext>(res);
    if (!mayReportFor(user, ctx, 'absence-report')) return notAllowed(res, ctx);
    const values = emptyAbsenceForm();
    const r = rules();
    if (!absences.schoolDays.isSchoolDay(r.today) || pastCutoffFor(r, r.today)) values.when = 'tomorrow';
    return render(req, res, user, ctx, 200, { values });
  }

  async function submit(req: Request, res: Response, user: Express.User): Promise<void> {
    const ctx = guardedSubject<ChildContext>(res);
    if (!mayReportFor(user, ctx, 'absence-report')) return notAllowed(res, ctx);
    const parsed = parseAbsenceForm((req.body ?? {}) as Record<string, unknown>, rules());
    if (!parsed.ok) {
      if (parsed.pastCutoff) deps.logger.info({ requestId: res.locals.requestId }, 'absence report refused: past the cut-off');
      return render(req, res, user, ctx, 422, { values: parsed.values, errors: parsed.errors, pastCutoff: parsed.pastCutoff });
    }
    const student = ctx.student.value;
    // Taken now: the mail route (without absences.report) sends it to this teacher, even while the SIS is down.
    const teacher = teacherAddressOf(student);
    const { created, existing } = await absences.reports.report({
      accountId: user.accountId, guardianId: user.guardianId, studentId: ctx.studentId, dates: parsed.dates,
      dayPart: parsed.dayPart, reason: { code: parsed.reason.code, text: parsed.reason.label[absences.settings.locale], authorised: parsed.reason.authorised },
      ...(parsed.note ? { note: parsed.note } : {}),
      studentName: displayName(student.name), guardianName: displayName(ctx.guardian.value.name), groupName: student.group?.name ?? '',
      ...(teacher ? { teacherEmail: teacher } : {}), requestId: res.locals.requestId,
    });
    // report() resolved once every new day and its delivery were flushed: the redirect may go now.
    res.redirect(303, `/kind/${ctx.handle}/ziekmelden?ontvangen=${created.length}&al=${existing.length}`);
  }

  return { form, submit };
}
