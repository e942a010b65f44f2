/**
 * OSO's health data → the contract's MedicalCard. OSO 2019.1 has exactly one health element:
 * `leerling/huisarts` (the GP: name, address, communicatielijst with `geheim`). It has no
 * medication, allergies, diet or remarks, so those lists stay empty (never invented); the GP
 * becomes one care contact of role 'gp', secret when its number is.
 */
import type { CareContact, MedicalCard } from '../contract/index.ts';
import { isSecretPlaceholder, mapContacts } from './map-contact.ts';
import { mapName } from './map-names.ts';
import { child, type XmlNode } from './oso-xml.ts';

/** The GP as a care contact without its id (ids are given when the pupil's id is known). */
export type GpData = Omit<CareContact, 'id' | 'role'>;

export function mapHuisarts(leerling: XmlNode): GpData | undefined {
  const huisarts = child(leerling, 'huisarts');
  if (!huisarts) return undefined;
  const n = mapName(huisarts);
  const phone = mapContacts(huisarts).find((c) => c.kind === 'phone');
  return {
    name: [n.given === 'N.N.' ? undefined : n.given, n.prefix, n.family].filter(Boolean).join(' '),
    // OSO's stand-in for a withheld number is no number at all; a flagged one stays, marked secret.
    ...(phone && !isSecretPlaceholder(phone.value) && { phone: phone.value }),
    secret: phone?.secret === true,
  };
}

export function medicalCardOf(studentId: string, gp: GpData | undefined): MedicalCard {
  return {
    studentId,
    medication: [],
    allergies: [],
    diet: [],
    careContacts: gp ? [{ id: `${studentId}-huisarts`, role: 'gp', ...structuredClone(gp) }] : [],
    remarks: [],
  };
}
