/**
 * A pupil's name, gender, address and phones from ParnasSys records. Secret flags fail closed:
 * only an explicit "false" makes an address or phone ordinary, and a phone that belongs to a
 * secret address is secret too, since the number can lead to the address.
 */
import type { Address, ContactPoint, PersonName, Student } from '../contract/index.ts';
import type { RawAdres, RawLeerling } from './leerlingen-schema.ts';

const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());

/** ParnasSys writes booleans as "true"/"false"; anything else (missing, garbled) counts as secret. */
export const isSecret = (flag: string | undefined) => !/^\s*(false|0)\s*$/i.test(flag ?? '');

/**
 * The name a pupil is called by: roepnaam, tussenvoegsel, achternaam (the non-official forms),
 * falling back to the official ones; voornamen kept as firstNames.
 */
export function pupilName(l: RawLeerling): PersonName | undefined {
  const firstNames = blankToUndefined(l.voornamen);
  const given = blankToUndefined(l.roepNaam) ?? firstNames?.split(/\s+/)[0];
  const family = blankToUndefined(l.achternaam);
  const prefix = family !== undefined ? blankToUndefined(l.tussenvoegsel) : blankToUndefined(l.tussenvoegselOfficieel);
  const surname = family ?? blankToUndefined(l.achternaamOfficieel);
  if (given === undefined || surname === undefined) return undefined;
  return {
    given,
    ...(prefix !== undefined ? { prefix } : {}),
    family: surname,
    ...(firstNames !== undefined ? { firstNames } : {}),
  };
}

export function gender(raw: string | undefined): Student['gender'] {
  const v = raw?.trim().toLowerCase() ?? '';
  if (/^(m|man|mannelijk|male|jongen)$/.test(v)) return 'M';
  if (/^(v|f|vrouw|vrouwelijk|female|meisje)$/.test(v)) return 'V';
  if (v === 'x') return 'X';
  return undefined;
}

/** "1234ab" / "1234 AB" → "1234 AB"; anything else (a foreign postcode) as given. */
export function normalisePostcode(raw: string | undefined): string {
  const v = raw?.trim() ?? '';
  const m = /^([1-9]\d{3})\s*([a-z]{2})$/i.exec(v);
  return m ? `${m[1]} ${m[2]!.toUpperCase()}` : v;
}

export function address(a: RawAdres): Address | undefined {
  const secret = isSecret(a.geheimadres);
  const street = a.straat?.trim() ?? '';
  const houseNumber = a.huisnummer?.trim() ?? '';
  const postcode = normalisePostcode(a.postcode);
  const city = blankToUndefined(a.plaats) ?? a.gemeente?.trim() ?? '';
  if (!secret && !street && !houseNumber && !postcode && !city) return undefined;
  const country = blankToUndefined(a.land);
  return { street, houseNumber, postcode, city, ...(country !== undefined ? { country } : {}), secret };
}

export function phones(a: RawAdres): ContactPoint[] {
  const addressSecret = isSecret(a.geheimadres);
  return a.telefoon.flatMap((t) => {
    const value = blankToUndefined(t.nummer);
    if (value === undefined) return [];
    return [{ kind: 'phone' as const, value, secret: addressSecret || isSecret(t.geheim), emergency: false }];
  });
}
