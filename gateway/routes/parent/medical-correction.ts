/**
 * The medical part of the correction form: offered only while the 'medical' section is open to
 * this parent (gezag; the calendar), and started from what the parent may see of the card
 * (privacy/visible-medical.ts: no secret entry for a parent the child does not live with).
 */
import { isMedicalGroup } from '../../changes/medical-fields.ts';
import type { ChangeFieldGroup, CurrentValues } from '../../changes/change-form.ts';
import { visibleMedicalCard } from '../../privacy/visible-medical.ts';
import type { ChildContext } from './child-context.ts';
import type { ParentRouterDeps } from './deps.ts';
import { showable } from './section-policy.ts';

export interface MedicalFormPart {
  /** The enabled groups this parent gets now. */
  fields: ChangeFieldGroup[];
  values: CurrentValues;
  /** Medical data was read for the form: the view is audited as 'medical'. */
  shown: boolean;
}

const join = (items: Array<{ text: string; detail?: string }>) => items.map((e) => (e.detail ? `${e.text} (${e.detail})` : e.text)).join('; ');

export async function medicalFormPart(
  deps: Pick<ParentRouterDeps, 'sis'>, user: Express.User, ctx: ChildContext, enabled: readonly ChangeFieldGroup[],
): Promise<MedicalFormPart> {
  const plain = enabled.filter((g) => !isMedicalGroup(g));
  if (plain.length === enabled.length || !ctx.access.medical || !showable(ctx.states.medical)) return { fields: plain, values: {}, shown: false };
  const card = visibleMedicalCard(user, ctx.guardian.value, (await deps.sis.getMedicalCard(ctx.studentId)).value);
  const values: CurrentValues = {};
  if (card.medication.length) values.medicalMedication = join(card.medication);
  if (card.allergies.length) values.medicalAllergies = join(card.allergies);
  if (card.diet.length) values.medicalDiet = join(card.diet);
  if (card.careContacts.length) {
    values.medicalCareContacts = card.careContacts.map((c) => [c.name, c.organisation, c.phone].filter(Boolean).join(', ')).join('; ');
  }
  return { fields: [...enabled], values, shown: true };
}
