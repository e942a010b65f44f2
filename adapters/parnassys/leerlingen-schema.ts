/**
 * The `getLeerlingenResponse/return` element as parsed XML: normalised lists that refer to each
 * other by id (DOMAIN.md §3). Only what the adapter reads is declared; unknown elements pass.
 * Every leaf is a string because values are not type-parsed; an empty element is "".
 */
import { z } from 'zod';

const text = z.string().optional();
const id = z.string().trim().min(1);

/** A wrapper element such as <adressen>: "" when empty, else an object holding the item array. */
function listOf<T extends z.ZodType>(item: string, schema: T) {
  return z.preprocess(
    (v) => (v === '' || v === undefined ? {} : v),
    z.object({ [item]: z.array(schema).default([]) }),
  ).transform((wrapper) => (wrapper as Record<string, z.output<T>[]>)[item] ?? []);
}

const telefoon = z.object({ id: text, nummer: text, geheim: text });

const adres = z.object({
  id,
  straat: text,
  huisnummer: text,
  postcode: text,
  plaats: text,
  gemeente: text,
  land: text,
  geheimadres: text,
  telefoon: z.array(telefoon).default([]),
});

const groep = z.object({ id, naam: text, code: text, schooljaar: text });
const schooljaar = z.object({ id, naam: text });
const inschrijvingtype = z.object({ id, omschrijving: text, code: text });

const groepsindeling = z.object({
  id: text,
  groep: id,
  schooljaar: text,
  vanafDatum: text,
  totDatum: text,
  leerjaar: text,
  bekostigd: text,
});

const inschrijving = z.object({
  id: text,
  datumInschrijving: text,
  datumUitschrijving: text,
  inschrijvingType: text,
});

const leerling = z.object({
  id,
  leerlingNummer: text,
  roepNaam: text,
  voornamen: text,
  tussenvoegsel: text,
  achternaam: text,
  tussenvoegselOfficieel: text,
  achternaamOfficieel: text,
  geboortedatum: text,
  geslacht: text,
  leerlingAdres: text,
  groepsindelingen: listOf('groepsindeling', groepsindeling),
  inschrijvingen: listOf('inschrijving', inschrijving),
});

export const leerlingenReturnSchema = z.preprocess(
  (v) => (v === '' ? {} : v),
  z.object({
    leerlingen: listOf('leerling', leerling),
    adressen: listOf('adres', adres),
    groepen: listOf('groep', groep),
    schooljaren: listOf('schooljaar', schooljaar),
    inschrijvingtypes: listOf('inschrijvingtype', inschrijvingtype),
  }),
);

export type LeerlingenReturn = z.output<typeof leerlingenReturnSchema>;
export type RawLeerling = LeerlingenReturn['leerlingen'][number];
export type RawAdres = LeerlingenReturn['adressen'][number];
export type RawGroep = LeerlingenReturn['groepen'][number];
export type RawGroepsindeling = RawLeerling['groepsindelingen'][number];
export type RawInschrijving = RawLeerling['inschrijvingen'][number];
