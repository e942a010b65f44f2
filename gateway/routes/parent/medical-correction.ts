/**
 * The medical part of the correction form: offered only while the 'medical' section is open to
 * this parent (gezag; the calendar), and started from what the parent may see of the card
 * (privacy/visible-medical.ts: no secret entry for a parent the child does not live with).
 */
import { isMedicalGroup, medicalValues } from '../../changes/medical-fields.ts';
import type { ChangeFieldGroup, CurrentValues } from '../../changes/change-form.ts';
import type { OfferedGroup } from '../../changes/offered-groups.ts';
import { visibleMedicalCard } from '../../privacy/visible-medical.ts';
import type { ChildContext } from './child-context.ts';
import type { ParentRouterDeps } from './deps.ts';
import { showable } from './section-policy.ts';

export interface MedicalFormPart {
  /** The medical groups this parent is offered now; secret when the list shown holds a secret entry. */
  offered: OfferedGroup[];
  values: CurrentValues;
}

export async function medicalFormPart(
  deps: Pick<ParentRouterDeps, 'sis'>, user: Express.User, ctx: ChildContext, enabled: readonly ChangeFieldGroup[],
): Promise<MedicalFormPart> {
  const groups = enabled.filter(isMedicalGroup);
  if (groups.length === 0 || !ctx.access.medical || !showable(ctx.states.medical)) return { offered: [], values: {} };
  const card = visibleMedicalCard(user, ctx.guardian.value, (await deps.sis.getMedicalCard(ctx.studentId)).value);
  const listOf = { 'medical.medication': card.medication, 'medical.allergies': card.allergies, 'medical.diet': card.diet, 'medical.careContacts': card.careContacts } as const;
  return { offered: groups.map((group) => ({ group, secret: listOf[group].some((e) => e.secret) })), values: medicalValues(card) };
}
