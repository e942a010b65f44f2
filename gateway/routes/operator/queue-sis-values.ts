/**
 * What the SIS holds now for an open change request, by the correction form's input names, so the
 * queue can tell staff when the SIS already has the requested values (the parent, or the
 * administration, changed them there). Staff see the SIS's own record: no privacy filter applies.
 * A request with medical fields is compared with the SIS's medical card too, written as the form
 * writes it (changes/medical-fields.ts medicalValues). The values come through the SIS cache; when
 * the SIS cannot be read the answer is undefined and the queue simply does not claim anything.
 */
import type { CurrentValues } from '../../changes/change-form.ts';
import { isMedicalField, medicalValues } from '../../changes/medical-fields.ts';
import type { ChangeRequest } from '../../changes/types.ts';
import type { SisService } from '../../sis/types.ts';
import { currentValues } from '../parent/view-models/change-requests.ts';

export async function sisValuesOf(
  sis: Pick<SisService, 'getStudent' | 'getGuardian' | 'getMedicalCard'>, request: ChangeRequest,
): Promise<CurrentValues | undefined> {
  try {
    const student = (await sis.getStudent(request.studentId)).value;
    const guardian = (await sis.getGuardian(request.guardianId)).value;
    const medical = request.fields.some((f) => isMedicalField(f.field)) ? medicalValues((await sis.getMedicalCard(request.studentId)).value) : {};
    return { ...currentValues({ address: student.address, emergencyContacts: student.contacts.filter((c) => c.emergency) }, guardian), ...medical };
  } catch {
    return undefined;
  }
}
