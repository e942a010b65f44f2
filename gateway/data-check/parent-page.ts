/**
 * /gegevenscontrole: the family's data on one page — each child with gezag (personalia, address,
 * contacts, guardians as this parent may see them) — with "Klopt" (confirm), "Er klopt iets niet"
 * per child (recorded as a correction started, then on to that child's correction form; the check
 * is answered once the correction is sent) and, while allowed, "Later". Each child shown is one
 * audit view record (section personalia); each answer is audited too. An account the check does
 * not ask (limited, or without gezag) is told so, and shown none of the family's data.
 */
import { Router, type Request, type Response } from 'express';
import { auditView } from '../privacy/audit-view.ts';
import { visibleChild } from '../privacy/visible.ts';
import { studentOrNothing, viewerFamily } from '../routes/parent/child-context.ts';
import type { ParentRouterDeps } from '../routes/parent/deps.ts';
import { parentPage, renderToString } from '../routes/parent/render.ts';
import { childOverview } from '../routes/parent/view-models/child-overview.ts';
import { displayName } from '../routes/parent/view-models/person-name.ts';
import type { DataCheckAnswers } from './answers.ts';
import { DATA_CHECK_PATH, isAskedAccount, pendingCheck, type DataCheckPromptDeps } from './prompt.ts';

export type DataCheckPageDeps = Pick<ParentRouterDeps, 'sis' | 'store' | 'clock' | 'logger' | 'handles'> & DataCheckPromptDeps & {
  answers: DataCheckAnswers;
};

export function createDataCheckRouter(deps: DataCheckPageDeps): Router {
  const router = Router();

  async function family(user: Express.User) {
    const { guardian, studentIds } = await viewerFamily(deps, user);
    const children: Array<{ studentId: string; handle: string; name: string; groupName?: string; overview: ReturnType<typeof childOverview> }> = [];
    if (!guardian) return children;
    for (const studentId of studentIds) {
      const student = await studentOrNothing(deps, studentId);
      if (!student) continue;
      const guardians = await deps.sis.listGuardiansOfStudent(studentId);
      const visible = visibleChild({ viewer: user, viewerGuardian: guardian.value, student: student.value, guardians: guardians.value });
      children.push({
        studentId, handle: deps.handles.handleFor(user.accountId, studentId), name: displayName(student.value.name),
        ...(student.value.group && { groupName: student.value.group.name }), overview: childOverview(visible),
      });
    }
    return children;
  }

  router.get(DATA_CHECK_PATH, parentPage(deps.logger, async (_req: Request, res: Response, user) => {
    const pending = await pendingCheck(deps, user);
    const children = pending ? await family(user) : [];
    const html = await renderToString(res, 'pages/data-check', {
      nav: 'overview', titleKey: 'dataCheck.title', pending, children,
      canSkip: pending !== undefined && !pending.due, skipsLeft: pending ? Math.max(0, deps.skipsAllowed - pending.skips) : 0,
      done: pending === undefined, notAsked: pending === undefined && !(await isAskedAccount(deps, user)),
    });
    for (const child of children) {
      await auditView(deps.store, deps.clock, { accountId: user.accountId, studentId: child.studentId, section: 'personalia', requestId: res.locals.requestId, detail: { page: 'data-check' } });
    }
    res.send(html);
  }));

  router.post(DATA_CHECK_PATH, parentPage(deps.logger, async (req: Request, res: Response, user) => {
    const pending = await pendingCheck(deps, user);
    if (!pending) return void res.redirect(303, DATA_CHECK_PATH);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const who = { accountId: user.accountId, guardianId: user.guardianId, requestId: res.locals.requestId as string | undefined };
    if (body.antwoord === 'klopt') {
      await deps.answers.confirm(pending.check, who);
      return void res.redirect(303, `${DATA_CHECK_PATH}?bevestigd=1`);
    }
    if (body.antwoord === 'later' && !pending.due) {
      await deps.answers.skip(pending.check, who);
      return void res.redirect(303, '/');
    }
    if (body.antwoord === 'correctie') {
      // Only one of this parent's own children: a handle that is not theirs gets the one 404.
      const { studentIds } = await viewerFamily(deps, user);
      const studentId = deps.handles.resolve(user.accountId, String(body.kind ?? ''), studentIds);
      if (!studentId) return void res.status(404).render('errors/404', { requestId: res.locals.requestId });
      await deps.answers.startCorrection(pending.check, who);
      return void res.redirect(303, `/kind/${String(body.kind)}/wijzigen`);
    }
    res.redirect(303, DATA_CHECK_PATH);
  }));

  return router;
}
