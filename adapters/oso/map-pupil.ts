/** The `leerling` block → PupilData: names, birth date, address, contacts, enrolment, groups. */
import { osoDate, schoolYearOf } from './dates.ts';
import type { Placement, PupilData } from './dossier-record.ts';
import { mapAddresses, mapContacts } from './map-contact.ts';
import { mapName } from './map-names.ts';
import { child, children, text, type XmlNode } from './oso-xml.ts';

/** OSO codelijst 14: 1 vrouw, 2 man; 0 (onbekend) says nothing, so it is left out. */
const GENDERS: Record<string, 'M' | 'V'> = { 1: 'V', 2: 'M' };

function placement(entry: XmlNode): Placement | undefined {
  const schooljaar = text(entry, 'schooljaar');
  const groepscode = text(entry, 'groepscode');
  const jaargroep = text(entry, 'jaargroep');
  if (!schooljaar || !/^\d{4}-\d{4}$/.test(schooljaar) || !groepscode) return undefined;
  const school = `${text(entry, 'brincode') ?? ''}${text(entry, 'vestigingscode') ?? ''}`;
  return {
    groupId: `${school}:${schooljaar}:${groepscode}`,
    groupName: text(entry, 'groepsnaam') ?? `Groep ${groepscode}`,
    groepscode,
    ...(jaargroep && { jaargroep }),
    schoolYear: schooljaar,
    from: osoDate(text(entry, 'begindatum')) ?? `${schooljaar.slice(0, 4)}-08-01`,
    to: osoDate(text(entry, 'einddatum')) ?? `${schooljaar.slice(5)}-07-31`,
  };
}

export function mapPupil(leerling: XmlNode): PupilData {
  const placements = children(child(leerling, 'schoolloopbaanlijst'), 'schoolloopbaan')
    .map(placement)
    .filter((p): p is Placement => p !== undefined);
  const firstPlaced = placements.map((p) => p.from).sort()[0];
  const from = osoDate(text(leerling, 'datuminschrijving')) ?? osoDate(text(leerling, 'startdatumhuidigonderwijs')) ?? firstPlaced;
  const to = osoDate(text(leerling, 'datumuitschrijving'));
  const gender = GENDERS[text(leerling, 'geslacht') ?? ''];
  const birthDate = osoDate(text(leerling, 'geboortedatum'));
  return {
    name: mapName(leerling),
    ...(birthDate && { birthDate }),
    ...(gender && { gender }),
    ...mapAddresses(leerling),
    contacts: mapContacts(leerling),
    enrolment: { ...(from && { from }), ...(to && { to }) },
    placements,
  };
}

/**
 * The placement in force on `day`, decided by the school year: only placements of the school
 * year `day` falls in count — one covering the day (the latest begun), else the latest begun.
 * Before the year's first placement begins there is none: last year's group never carries over.
 */
export function placementOn(placements: readonly Placement[], day: string): Placement | undefined {
  const year = schoolYearOf(day);
  const begun = placements.filter((p) => p.schoolYear === year && p.from <= day).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return begun.filter((p) => p.to >= day).at(-1) ?? begun.at(-1);
}

/** "7", "7B", "groep 7" → 7: the jaargroep a group code states, when it states exactly one. */
export function jaargroepInCode(groepscode: string): number | undefined {
  const m = /^\s*(?:groep\s*)?([1-8])\s*[a-z]?\s*$/i.exec(groepscode);
  return m ? Number(m[1]) : undefined;
}

/** A primary-school jaargroep 1–8, or undefined for "0", "P", "S", VO years and the like. */
export function primaryJaargroep(raw: string | undefined): number | undefined {
  return raw !== undefined && /^[1-8]$/.test(raw.trim()) ? Number(raw.trim()) : undefined;
}
