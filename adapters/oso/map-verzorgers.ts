/**
 * `verzorger` elements → VerzorgerData. Deceased verzorgers (`overleden`) are left out: they
 * get no account and are no one to contact.
 */
import type { Relation } from '../contract/index.ts';
import type { VerzorgerData } from './dossier-record.ts';
import { isSecretPlaceholder, mapAddresses, mapContacts } from './map-contact.ts';
import { mapName, nameKey } from './map-names.ts';
import { bool, text, type XmlNode } from './oso-xml.ts';

/** OSO codelijst 41; the labels of codes 4–9 are not public, so those are 'other'. */
const RELATIONS: Record<string, Relation> = { 1: 'father', 2: 'mother', 3: 'voogd' };

export function mapVerzorger(verzorger: XmlNode): VerzorgerData | undefined {
  if (bool(verzorger, 'overleden') === true) return undefined;
  const relationCode = text(verzorger, 'relatietotkind') ?? '';
  const contacts = mapContacts(verzorger);
  const { address, dwellingKeys } = mapAddresses(verzorger);
  const email = contacts.find((c) => c.kind === 'email' && !isSecretPlaceholder(c.value))?.value.toLowerCase();
  const anchor = email ? `mail:${email}` : dwellingKeys[0] ? `home:${dwellingKeys[0]}` : undefined;
  return {
    name: mapName(verzorger),
    ...(address && { address }),
    dwellingKeys,
    contacts,
    relation: RELATIONS[relationCode] ?? 'other',
    relationCode,
    // Required by the schema; a dossier without it grants no gezag rather than assuming it.
    gezag: bool(verzorger, 'wettigevertegenwoordiger') === true,
    nameKey: nameKey(verzorger),
    ...(anchor && { anchor }),
  };
}
