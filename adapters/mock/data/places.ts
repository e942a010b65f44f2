/**
 * Fictional places, addresses, phone numbers and e-mail addresses. E-mail uses the reserved
 * example domains (RFC 2606), so a demo can never mail a real person.
 */
import type { Address, PersonName } from '../../contract/index.ts';
import { compact } from './names.ts';
import type { Prng } from './prng.ts';

/** Town → first postcode digits. The school's own town comes first and gets most families. */
export const TOWNS: ReadonlyArray<{ city: string; postcodeBase: number }> = [
  { city: 'Bronsveld', postcodeBase: 9641 },
  { city: 'Leemdijk', postcodeBase: 9652 },
  { city: 'Klaverdonk', postcodeBase: 9663 },
  { city: 'Hazelo', postcodeBase: 9674 },
];

const STREET_ROOTS = [
  'Lijsterbes', 'Kwartel', 'Berken', 'Meidoorn', 'Vlier', 'Kievit', 'Zonnebloem', 'Wilgen',
  'Esdoorn', 'Klaproos', 'Merel', 'Hazelaar', 'Boterbloem', 'Reiger', 'Veldkers', 'Populier',
] as const;

const STREET_SUFFIXES = ['straat', 'laan', 'hof', 'weg', 'erf', 'pad', 'singel', 'dreef'] as const;

/** Postcode letters avoid the combinations the Dutch postal service does not issue. */
const POSTCODE_LETTERS = 'ABCEGHJKLMNPRTVWXZ';

export function address(prng: Prng): Address {
  const town = prng.chance(0.75) ? (TOWNS[0] as (typeof TOWNS)[number]) : prng.pick(TOWNS.slice(1));
  const letters = prng.pick([...POSTCODE_LETTERS]) + prng.pick([...POSTCODE_LETTERS]);
  const houseNumber = String(prng.int(1, 140)) + (prng.chance(0.08) ? prng.pick(['a', 'b', '-2']) : '');
  return {
    street: prng.pick(STREET_ROOTS) + prng.pick(STREET_SUFFIXES),
    houseNumber,
    postcode: `${town.postcodeBase + prng.int(0, 8)} ${letters}`,
    city: town.city,
    country: 'NL',
    secret: false,
  };
}

export function mobileNumber(prng: Prng): string {
  return `06 ${String(prng.int(10_000_000, 99_999_999))}`;
}

export function landlineNumber(prng: Prng): string {
  return `0591 ${String(prng.int(100_000, 999_999))}`;
}

const MAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

/** A unique, plausible private address; `taken` holds the addresses handed out so far. */
export function emailAddress(prng: Prng, name: PersonName, taken: Set<string>): string {
  const local = `${name.given.toLowerCase().replace(/[^a-z]/g, '')}.${compact(name)}`;
  const domain = prng.pick(MAIL_DOMAINS);
  let candidate = `${local}@${domain}`;
  for (let n = 2; taken.has(candidate); n++) candidate = `${local}${n}@${domain}`;
  taken.add(candidate);
  return candidate;
}
