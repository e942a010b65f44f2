/**
 * The correction form: which inputs each enabled field group has, the current values they start
 * with, and reading a posted form back into proposed changes — or into messages per input with
 * the parent's own input kept, so the form comes back as they left it.
 */
import type { Checked } from './dutch-values.ts';
import { checkEmail, checkHouseNumber, checkName, checkPhone, checkPostcode, phoneKey, tidy } from './dutch-values.ts';
import { MEDICAL_FIELD_GROUPS, MEDICAL_INPUTS } from './medical-fields.ts';
import type { ChangedField } from './types.ts';

/** The field groups a school can enable in config (`changes.fields`). */
export const CHANGE_FIELD_GROUPS = ['address', 'phone', 'email', 'emergencyContact', ...MEDICAL_FIELD_GROUPS] as const;
export type ChangeFieldGroup = (typeof CHANGE_FIELD_GROUPS)[number];

export interface InputSpec {
  /** The form input's name. */
  name: string;
  /** The field's name in the proposal the SIS or the administration receives. */
  field: string;
  type: 'text' | 'tel' | 'email';
  labelKey: string;
  hintKey?: string;
  autocomplete: string;
  check(value: string): Checked;
  /** Two values that give the same key are the same (e.g. "06-1234 5678" and "0612345678"). */
  sameKey(value: string): string;
}

const exact = (value: string) => tidy(value);
const phoneInput = (name: string, field: string, labelKey: string, autocomplete: string): InputSpec => ({
  name, field, type: 'tel', labelKey, hintKey: 'changes.hint.phone', autocomplete, check: checkPhone, sameKey: phoneKey,
});

export const FIELD_GROUPS: Record<ChangeFieldGroup, { legendKey: string; inputs: InputSpec[] }> = {
  address: {
    legendKey: 'changes.group.address',
    inputs: [
      { name: 'street', field: 'child.address.street', type: 'text', labelKey: 'changes.field.street', autocomplete: 'address-line1', check: (v) => checkName(v, 80), sameKey: exact },
      { name: 'houseNumber', field: 'child.address.houseNumber', type: 'text', labelKey: 'changes.field.houseNumber', hintKey: 'changes.hint.houseNumber', autocomplete: 'off', check: checkHouseNumber, sameKey: (v) => v.replace(/[\s-]/g, '').toLowerCase() },
      { name: 'postcode', field: 'child.address.postcode', type: 'text', labelKey: 'changes.field.postcode', hintKey: 'changes.hint.postcode', autocomplete: 'postal-code', check: checkPostcode, sameKey: (v) => v.replace(/\s/g, '').toUpperCase() },
      { name: 'city', field: 'child.address.city', type: 'text', labelKey: 'changes.field.city', autocomplete: 'address-level2', check: (v) => checkName(v, 80), sameKey: exact },
    ],
  },
  phone: { legendKey: 'changes.group.phone', inputs: [phoneInput('phone', 'guardian.phone', 'changes.field.phone', 'tel')] },
  email: {
    legendKey: 'changes.group.email',
    inputs: [{ name: 'email', field: 'guardian.email', type: 'email', labelKey: 'changes.field.email', autocomplete: 'email', check: checkEmail, sameKey: (v) => v.trim().toLowerCase() }],
  },
  emergencyContact: {
    legendKey: 'changes.group.emergencyContact',
    inputs: [
      { name: 'emergencyName', field: 'child.emergency.name', type: 'text', labelKey: 'changes.field.emergencyName', autocomplete: 'off', check: (v) => checkName(v, 100), sameKey: exact },
      phoneInput('emergencyPhone', 'child.emergency.phone', 'changes.field.emergencyPhone', 'off'),
    ],
  },
  ...MEDICAL_INPUTS,
};

/** The form label of a proposal's field ("child.address.postcode" → "changes.field.postcode"). */
const LABEL_OF_FIELD = new Map(Object.values(FIELD_GROUPS).flatMap((g) => g.inputs.map((i) => [i.field, i.labelKey] as const)));

export function labelKeyOfField(field: string): string | undefined {
  return LABEL_OF_FIELD.get(field);
}

const INPUT_OF_FIELD = new Map(Object.values(FIELD_GROUPS).flatMap((g) => g.inputs.map((i) => [i.field, i] as const)));

/** The form input a proposal's field came from, e.g. to find its current value in CurrentValues. */
export function inputNameOfField(field: string): string | undefined {
  return INPUT_OF_FIELD.get(field)?.name;
}

/**
 * Whether two values of a proposal's field are the same by the form's own rule (sameKey), so the
 * queue and the form agree on what "changed" means. A field the form does not know compares as typed.
 */
export function sameFieldValue(field: string, a: string, b: string): boolean {
  const spec = INPUT_OF_FIELD.get(field);
  return spec ? spec.sameKey(a) === spec.sameKey(b) : a === b;
}

/**
 * The fields of a proposal that change something. A group is proposed whole (an address is four
 * fields), so a field whose new value is its old one by the form's rule is left out. The staff
 * queue and the administration's mail both list these, so they show the same fields.
 */
export function changedFields<F extends Pick<ChangedField, 'field' | 'old' | 'new'>>(fields: readonly F[]): F[] {
  return fields.filter((f) => f.old === undefined || !sameFieldValue(f.field, f.old, f.new));
}

/** Current values by input name, as the viewer may see them (absent: unknown or not visible). */
export type CurrentValues = Partial<Record<string, string>>;

/** Message keys per input name; `form` for the form as a whole. */
export type FormErrors = Record<string, string[]>;

export interface FormInputModel {
  name: string;
  type: string;
  labelKey: string;
  hintKey?: string;
  autocomplete: string;
  value?: string;
  errors?: string[];
}

export interface FormGroupModel {
  group: ChangeFieldGroup;
  legendKey: string;
  inputs: FormInputModel[];
}

/** The inputs of the enabled groups with their values: current data, or what the parent typed. */
export function formGroups(enabled: readonly ChangeFieldGroup[], values: CurrentValues, errors: FormErrors = {}): FormGroupModel[] {
  return enabled.map((group) => ({
    group,
    legendKey: FIELD_GROUPS[group].legendKey,
    inputs: FIELD_GROUPS[group].inputs.map((spec) => ({
      name: spec.name, type: spec.type, labelKey: spec.labelKey, autocomplete: spec.autocomplete,
      ...(spec.hintKey ? { hintKey: spec.hintKey } : {}),
      ...(values[spec.name] ? { value: values[spec.name] } : {}),
      ...(errors[spec.name]?.length ? { errors: errors[spec.name] } : {}),
    })),
  }));
}

/** Longer input is cut before it is checked or echoed: nobody types 500 characters into a postcode. */
const MAX_RAW = 300;

/** An input the post leaves out altogether (not: sends empty) keeps its current value. */
function rawValue(body: Record<string, unknown>, name: string, current: string | undefined): string {
  const value = body[name];
  if (value === undefined) return current ?? '';
  return typeof value === 'string' ? value.slice(0, MAX_RAW) : '';
}

export type ParsedForm =
  | { ok: true; fields: ChangedField[]; values: CurrentValues }
  | { ok: false; errors: FormErrors; values: CurrentValues };

/**
 * Reads the posted inputs of the enabled groups. A group whose values all equal the current ones
 * proposes nothing; a changed group proposes every input of it (a whole new address), each
 * required and valid. Emptying a known value is not a correction we can act on: it is required.
 * The fields of a group in `secretGroups` are flagged secret (offered-groups.ts).
 */
export function parseChangeForm(
  body: unknown, enabled: readonly ChangeFieldGroup[], current: CurrentValues, secretGroups: ReadonlySet<ChangeFieldGroup> = new Set(),
): ParsedForm {
  const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const errors: FormErrors = {};
  const values: CurrentValues = {};
  const fields: ChangedField[] = [];

  for (const group of enabled) {
    const specs = FIELD_GROUPS[group].inputs;
    const raw = specs.map((spec) => rawValue(input, spec.name, current[spec.name]));
    specs.forEach((spec, i) => (values[spec.name] = raw[i]));
    if (raw.every((v) => v.trim() === '') && specs.every((spec) => !current[spec.name])) continue;

    const checked = specs.map((spec, i): Checked => (raw[i]!.trim() === '' ? { ok: false, error: 'form.required' } : spec.check(raw[i]!)));
    const changed = specs.some((spec, i) => {
      const c = checked[i]!;
      const old = current[spec.name];
      return !c.ok || old === undefined || spec.sameKey(c.value) !== spec.sameKey(old);
    });
    if (!changed) continue;
    specs.forEach((spec, i) => {
      const c = checked[i]!;
      if (!c.ok) errors[spec.name] = [c.error];
    });
    if (checked.every((c) => c.ok)) {
      specs.forEach((spec, i) => {
        const old = current[spec.name];
        fields.push({
          field: spec.field, ...(old !== undefined ? { old } : {}), new: (checked[i] as { value: string }).value,
          ...(secretGroups.has(group) ? { secret: true } : {}),
        });
      });
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  if (fields.length === 0) return { ok: false, errors: { form: ['changes.errors.nothingChanged'] }, values };
  return { ok: true, fields, values };
}
