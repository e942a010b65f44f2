/**
 * What a parent may see of a child's medical card (AVG art. 9). The rules follow those of the
 * child's secret address in visible.ts:
 * - a secret entry only to a guardian the child lives with; for anyone else it is left out
 *   without a trace (no "something is hidden" note: that would reveal that there is a secret);
 * - a limited account sees no medical card at all (section-access.ts keeps the page away; this
 *   function returns an empty card as a second line of defence).
 */
import type { CareContact, Guardian, MedicalCard, MedicalEntry } from '../../adapters/contract/index.ts';
import type { Viewer } from './visible.ts';

export interface VisibleMedicalCard {
  medication: MedicalEntry[];
  allergies: MedicalEntry[];
  diet: MedicalEntry[];
  careContacts: CareContact[];
  remarks: MedicalEntry[];
  /** Nothing on the card for this viewer. */
  empty: boolean;
}

export function visibleMedicalCard(viewer: Viewer, viewerGuardian: Guardian, card: MedicalCard): VisibleMedicalCard {
  const link = viewerGuardian.children.find((l) => l.studentId === card.studentId);
  const full = viewer.scope === 'full';
  const maySee = (secret: boolean) => full && (!secret || link?.livesWith === true);
  const keep = <T extends { secret: boolean }>(list: readonly T[]): T[] => list.filter((e) => maySee(e.secret)).map((e) => ({ ...e }));
  const shown = {
    medication: keep(card.medication),
    allergies: keep(card.allergies),
    diet: keep(card.diet),
    careContacts: keep(card.careContacts),
    remarks: keep(card.remarks),
  };
  return { ...shown, empty: Object.values(shown).every((list) => list.length === 0) };
}
