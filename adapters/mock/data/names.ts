/**
 * Name material for the demo school. Given names are ordinary Dutch names; family names are
 * composed from parts so that no real family is described. All people in the demo are fictional.
 */
import type { PersonName } from '../../contract/index.ts';
import type { Prng } from './prng.ts';

export const GIRL_NAMES = [
  'Emma', 'Julia', 'Mila', 'Tess', 'Sophie', 'Zoë', 'Sara', 'Nora', 'Yara', 'Eva', 'Liv', 'Noor',
  'Lotte', 'Saar', 'Fenna', 'Anna', 'Lieke', 'Evi', 'Roos', 'Fleur', 'Isa', 'Jasmijn', 'Maud',
  'Femke', 'Lina', 'Elin', 'Hanna', 'Floor', 'Vera', 'Ilse', 'Merel', 'Nina', 'Amira', 'Fatima',
] as const;

export const BOY_NAMES = [
  'Noah', 'Daan', 'Luuk', 'Sem', 'Levi', 'Finn', 'Milan', 'Bram', 'Jesse', 'Lucas', 'Thijs',
  'Ties', 'Mees', 'Ruben', 'Teun', 'Gijs', 'Stijn', 'Jens', 'Jurre', 'Siem', 'Hugo', 'Olivier',
  'Max', 'Boaz', 'Jayden', 'Sven', 'Wout', 'Joep', 'Tobias', 'Mats', 'Adam', 'Youssef', 'Ilyas',
] as const;

export const WOMEN_NAMES = [
  'Anouk', 'Marieke', 'Sanne', 'Linda', 'Esther', 'Ingrid', 'Miriam', 'Chantal', 'Petra', 'Karin',
  'Judith', 'Manon', 'Annemiek', 'Ellen', 'Renate', 'Hester', 'Wendy', 'Marloes', 'Yvonne', 'Nadia',
  'Loes', 'Mirjam', 'Brenda', 'Iris', 'Kim', 'Naima', 'Sabine', 'Jolanda', 'Eline', 'Suzanne',
] as const;

export const MEN_NAMES = [
  'Mark', 'Jeroen', 'Bas', 'Erik', 'Martijn', 'Sander', 'Niels', 'Ruud', 'Pieter', 'Jasper',
  'Maarten', 'Dennis', 'Joost', 'Wouter', 'Arjen', 'Rik', 'Tim', 'Koen', 'Hans', 'Michiel',
  'Frank', 'Gert-Jan', 'Vincent', 'Mohamed', 'Roel', 'Edwin', 'Jorick', 'Ivo', 'Stefan', 'Bart',
] as const;

/** Official extra first names (voornamen) after the roepnaam. */
export const MIDDLE_NAMES_F = ['Maria', 'Johanna', 'Elisabeth', 'Catharina', 'Wilhelmina', 'Anna'] as const;
export const MIDDLE_NAMES_M = ['Johannes', 'Petrus', 'Hendrik', 'Willem', 'Cornelis', 'Jacobus'] as const;

const FAMILY_ROOTS = [
  'Brink', 'Hazel', 'Molen', 'Kortel', 'Wilder', 'Ruis', 'Leem', 'Klaver', 'Eikel', 'Hulst',
  'Zwaluw', 'Dorre', 'Esch', 'Gaal', 'Hooge', 'Kamper', 'Linde', 'Mersel', 'Ooster', 'Peel',
  'Riet', 'Schoon', 'Tuyl', 'Velde', 'Wester', 'Zand', 'Berkel', 'Dommel', 'Heuvel', 'Venne',
] as const;

const FAMILY_SUFFIXES = [
  'kamp', 'veld', 'horst', 'inga', 'sma', 'man', 'hout', 'dijk', 'broek', 'ema', 'stra', 'link',
  'ing', 'werf', 'hoek', 'berg',
] as const;

/** Family names with a tussenvoegsel use a root alone, like "van der Linde". */
const PREFIXES = ['van', 'de', 'van der', 'van den', 'van de', 'ter', 'te'] as const;

export interface FamilyName {
  prefix?: string;
  family: string;
}

export function familyName(prng: Prng): FamilyName {
  if (prng.chance(0.3)) return { prefix: prng.pick(PREFIXES), family: prng.pick(FAMILY_ROOTS) };
  return { family: prng.pick(FAMILY_ROOTS) + prng.pick(FAMILY_SUFFIXES) };
}

export type Sex = 'F' | 'M';

export function adultName(prng: Prng, sex: Sex, surname: FamilyName): PersonName {
  return { given: prng.pick(sex === 'F' ? WOMEN_NAMES : MEN_NAMES), ...surname };
}

export function childName(prng: Prng, sex: Sex, surname: FamilyName): PersonName {
  const given = prng.pick(sex === 'F' ? GIRL_NAMES : BOY_NAMES);
  const middle = prng.pick(sex === 'F' ? MIDDLE_NAMES_F : MIDDLE_NAMES_M);
  return { given, ...surname, firstNames: `${given} ${middle}` };
}

/** "van der Linde" → "vanderlinde": for e-mail addresses. */
export function compact(name: PersonName): string {
  return `${name.prefix ?? ''}${name.family}`.toLowerCase().replace(/[^a-z]/g, '');
}
