/**
 * What the correction pages show: the current values the form starts from (only what the privacy
 * filter lets this viewer see) and the viewer's own requests for a child with their status.
 * Another guardian's requests are never listed: a new address may be one they keep secret.
 */
import { changedFields, labelKeyOfField, type CurrentValues } from '../../../changes/change-form.ts';
import type { ChangeRequests } from '../../../changes/change-requests.ts';
import { isMedicalField } from '../../../changes/medical-fields.ts';
import type { ChangeRequest } from '../../../changes/types.ts';
import type { Guardian } from '../../../../adapters/contract/index.ts';
import type { VisibleChild } from '../../../privacy/visible.ts';

/** Also serves the staff queue, which passes the SIS's own record (only these two fields are read). */
export function currentValues(child: Pick<VisibleChild, 'address' | 'emergencyContacts'>, viewerGuardian: Guardian): CurrentValues {
  const values: CurrentValues = {};
  if (child.address) {
    values.street = child.address.street;
    values.houseNumber = child.address.houseNumber;
    values.postcode = child.address.postcode;
    values.city = child.address.city;
  }
  const phone = viewerGuardian.contacts.find((c) => c.kind === 'phone' && !c.emergency);
  if (phone) values.phone = phone.value;
  const email = viewerGuardian.contacts.find((c) => c.kind === 'email');
  if (email) values.email = email.value;
  const emergency = child.emergencyContacts.find((c) => c.kind === 'phone');
  if (emergency) {
    if (emergency.label) values.emergencyName = emergency.label;
    values.emergencyPhone = emergency.value;
  }
  return values;
}

/** One changed field as its parent sees it in the list: the form's label, what it was, what it becomes. */
export interface ChangedFieldView {
  labelKey: string;
  old?: string;
  new?: string;
}

export interface ChangeRequestView {
  reference: string;
  fields: ChangedFieldView[];
  submittedAt: string;
  statusKey: string;
  status: ChangeRequest['status'];
  schoolNote?: string;
  /** Stuck (parked or overdue, changes/delays.ts): shown as delayed, the school looking at it; never why. */
  delayed: boolean;
}

/**
 * The viewer's own requests only (see above), so every value is one this parent saw or typed;
 * medical values are left out when the medical card is no longer open to them (AVG art. 9).
 * Only the fields that change something, as the staff queue and the school's mail list them (a
 * group is proposed whole: an address of which only the city changed lists the city).
 */
function fieldViews(request: ChangeRequest, options: { medical: boolean }): ChangedFieldView[] {
  const changed = changedFields(request.fields);
  return (changed.length > 0 ? changed : request.fields).map((f) => {
    const labelKey = labelKeyOfField(f.field) ?? 'changes.field.other';
    if (isMedicalField(f.field) && !options.medical) return { labelKey };
    return { labelKey, ...(f.old !== undefined && f.old !== '' && { old: f.old }), new: f.new };
  });
}

export async function changeRequestViews(
  changes: Pick<ChangeRequests, 'delayOf'>, requests: ChangeRequest[], options: { medical: boolean } = { medical: false },
): Promise<ChangeRequestView[]> {
  const views: ChangeRequestView[] = [];
  for (const r of requests) {
    const delayed = (await changes.delayOf(r)) !== undefined;
    views.push({
      reference: r.reference,
      fields: fieldViews(r, options),
      submittedAt: r.submittedAt,
      status: r.status,
      statusKey: delayed ? 'changes.status.delayed' : `changes.status.${r.status}`,
      ...(r.schoolNote ? { schoolNote: r.schoolNote } : {}),
      delayed,
    });
  }
  return views;
}

/** Only a guardian with gezag, on a full account, corrects a child's records (DOMAIN §5). */
export function maySubmitFor(user: Express.User, viewerGuardian: Guardian, studentId: string): boolean {
  if (user.scope !== 'full') return false;
  return viewerGuardian.children.some((l) => l.studentId === studentId && l.gezag);
}
