/** OSO person names → PersonName, and the normalised key used to recognise a verzorger again. */
import type { PersonName } from '../contract/index.ts';
import { text, texts, type XmlNode } from './oso-xml.ts';

/** Dutch convention for an unknown name (nomen nescio); PersonName.given may not be empty. */
const UNKNOWN_GIVEN = 'N.N.';

export function mapName(person: XmlNode): PersonName {
  const voornamen = texts(person, 'voornaam');
  const name: PersonName = {
    given: text(person, 'roepnaam') ?? voornamen[0] ?? text(person, 'voorletters-1') ?? UNKNOWN_GIVEN,
    family: text(person, 'achternaam') ?? UNKNOWN_GIVEN,
  };
  const prefix = text(person, 'voorvoegsel');
  if (prefix) name.prefix = prefix;
  if (voornamen.length > 0) name.firstNames = voornamen.join(' ');
  return name;
}

function fold(value: string): string {
  return value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/**
 * Family name, prefix and the first initial: "Pieter Johannes van de Berg" and "P.J. van de Berg"
 * give the same key, so the same parent written slightly differently in two dossiers matches.
 */
export function nameKey(person: XmlNode): string {
  const first = text(person, 'roepnaam') ?? texts(person, 'voornaam')[0] ?? text(person, 'voorletters-1') ?? '';
  return [fold(text(person, 'achternaam') ?? ''), fold(text(person, 'voorvoegsel') ?? ''), fold(first).charAt(0)].join('|');
}
