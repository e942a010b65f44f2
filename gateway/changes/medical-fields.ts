/**
 * The medical field groups of the correction form (AVG art. 9): medication, allergies, diet and
 * care contacts, each its own group so a parent corrects one without retyping the others. The
 * school enables them in `changes.fields` (`medical.medication`, …); the form offers them only
 * while the 'medical' section is open to this parent (gezag, calendar). The content goes to the
 * SIS through submitChange or to the operator queue; a mail never carries it (change-mail.ts).
 */
import type { MedicalCard } from '../../adapters/contract/index.ts';
import { tidy, type Checked } from './dutch-values.ts';
import type { CurrentValues, InputSpec } from './change-form.ts';

export const MEDICAL_FIELD_GROUPS = ['medical.medication', 'medical.allergies', 'medical.diet', 'medical.careContacts'] as const;
export type MedicalFieldGroup = (typeof MEDICAL_FIELD_GROUPS)[number];

/** Field names in a proposal start with this; change-mail.ts keeps them out of every mail. */
export const MEDICAL_FIELD_PREFIX = 'child.medical.';

export const isMedicalGroup = (group: string): group is MedicalFieldGroup => (MEDICAL_FIELD_GROUPS as readonly string[]).includes(group);
export const isMedicalField = (field: string): boolean => field.startsWith(MEDICAL_FIELD_PREFIX);

const MAX_TEXT = 300;

/** Free text as a parent writes it ("geen", "Pinda's, EpiPen in de tas"): any printable text up to 300 characters. */
function checkText(input: string): Checked {
  const value = tidy(input);
  if (value.length > MAX_TEXT) return { ok: false, error: 'changes.errors.tooLong' };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return { ok: false, error: 'changes.errors.text' };
  return { ok: true, value };
}

const textInput = (name: string): InputSpec => ({
  name, field: `${MEDICAL_FIELD_PREFIX}${name.replace(/^medical/, '').replace(/^./, (c) => c.toLowerCase())}`,
  type: 'text', labelKey: `changes.field.${name}`, hintKey: 'changes.hint.medical', autocomplete: 'off', check: checkText, sameKey: (v) => tidy(v),
});

export const MEDICAL_INPUTS: Record<MedicalFieldGroup, { legendKey: string; inputs: InputSpec[] }> = {
  'medical.medication': { legendKey: 'changes.group.medication', inputs: [textInput('medicalMedication')] },
  'medical.allergies': { legendKey: 'changes.group.allergies', inputs: [textInput('medicalAllergies')] },
  'medical.diet': { legendKey: 'changes.group.diet', inputs: [textInput('medicalDiet')] },
  'medical.careContacts': { legendKey: 'changes.group.careContacts', inputs: [textInput('medicalCareContacts')] },
};

const join = (items: ReadonlyArray<{ text: string; detail?: string }>) => items.map((e) => (e.detail ? `${e.text} (${e.detail})` : e.text)).join('; ');

/**
 * A medical card as the form's values, by input name: each list written as one text. The parent's
 * form starts from the card they may see (routes/parent/medical-correction.ts); the staff queue
 * compares a request with the SIS's whole card written the same way (routes/operator/queue-sis-values.ts).
 */
export function medicalValues(card: Pick<MedicalCard, 'medication' | 'allergies' | 'diet' | 'careContacts'>): CurrentValues {
  const values: CurrentValues = {};
  if (card.medication.length) values.medicalMedication = join(card.medication);
  if (card.allergies.length) values.medicalAllergies = join(card.allergies);
  if (card.diet.length) values.medicalDiet = join(card.diet);
  if (card.careContacts.length) {
    values.medicalCareContacts = card.careContacts.map((c) => [c.name, c.organisation, c.phone].filter(Boolean).join(', ')).join('; ');
  }
  return values;
}
