/**
 * The medical card of one child (section 'medical', closed unless the school's calendar opens
 * it). Only a parent with gezag sees it (privacy/section-access.ts: never a limited account, so
 * for them the page does not exist); secret entries only when the child lives with them
 * (privacy/visible-medical.ts). Every view is audited; nothing of the card is ever logged.
 */
import type { Request, Response } from 'express';
import { visibleMedicalCard } from '../../privacy/visible-medical.ts';
import { baseModel, closureOf, localeOf, renderAudited, renderClosed, withChild } from './child-pages.ts';
import type { ParentRouterDeps } from './deps.ts';
import { renderNotFound } from './render.ts';
import { showable } from './section-policy.ts';
import { stalenessOf } from './staleness.ts';

export function medicalPage(deps: ParentRouterDeps) {
  return async function medical(req: Request, res: Response, user: Express.User): Promise<void> {
    const found = await withChild(deps, req, res, user, 'medical');
    if (!found) return;
    const { ctx, header } = found;
    if (!ctx.access.medical) return renderNotFound(res);
    if (!showable(ctx.states.medical)) {
      await renderClosed(res, header, 'medical.title', [closureOf('medical', ctx.states.medical, localeOf(res))]);
      return;
    }
    const served = await deps.sis.getMedicalCard(ctx.studentId);
    const mayCorrect = deps.changes?.fields.some((f) => f.startsWith('medical')) && showable(ctx.states.changes);
    const card = visibleMedicalCard(user, ctx.guardian.value, served.value);
    const model = {
      ...baseModel(header, 'medical.title'),
      card: { ...card, careContacts: card.careContacts.map((c) => ({ ...c, roleKey: `medical.role.${c.role}` })) },
      correctHref: mayCorrect ? `/kind/${ctx.handle}/wijzigen` : undefined,
      staleness: stalenessOf(ctx.guardian, ctx.student, served),
    };
    await renderAudited(deps, res, user, ctx, 'pages/medical', model, ['medical']);
  };
}
