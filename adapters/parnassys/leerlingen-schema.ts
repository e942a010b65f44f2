/**
 * The `getLeerlingenResponse/return` element as parsed XML: normalised lists that refer to each
 * other by id (DOMAIN.md §3). Only what the adapter reads is declared; unknown elements pass.
 * Every leaf is a string because values are not type-parsed; an empty element is "".
 *
 * The top-level lists are read record by record: one pupil, address or group that does not fit
 * is left out and listed in `unreadable` by its id (or position), never the whole answer.
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

/** A record of the answer that did not fit and was left out. */
export interface UnreadableRecord {
  /** The element: leerling, adres, groep, … */
  kind: string;
  /** Its id when it has a readable one, else its position ("#3", counting from 1). */
  ref: string;
  /** Where and why, without values: "groepsindelingen[0].groep: expected string". */
  problem: string;
}

function issueText(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid';
  const where = first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return `${where || '(record)'}: ${first.message}`;
}

/** Like listOf, but an item that does not fit is reported instead of failing the list. */
function lenientListOf<T extends z.ZodType>(item: string, schema: T) {
  return z.preprocess(
    (v) => (v === '' || v === undefined ? {} : v),
    z.object({ [item]: z.array(z.unknown()).default([]) }),
  ).transform((wrapper) => {
    const items: z.output<T>[] = [];
    const unreadable: UnreadableRecord[] = [];
    ((wrapper as Record<string, unknown[]>)[item] ?? []).forEach((raw, i) => {
      const parsed = schema.safeParse(raw);
      if (parsed.success) {
        items.push(parsed.data);
        return;
      }
      const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
      const ref = typeof rawId === 'string' && rawId.trim() !== '' ? rawId.trim() : `#${i + 1}`;
      unreadable.push({ kind: item, ref, problem: issueText(parsed.error) });
    });
    return { items, unreadable };
  });
}

export const leerlingenReturnSchema = z.preprocess(
  (v) => (v === '' ? {} : v),
  z.object({
    leerlingen: lenientListOf('leerling', leerling),
    adressen: lenientListOf('adres', adres),
    groepen: lenientListOf('groep', groep),
    schooljaren: listOf('schooljaar', schooljaar),
    inschrijvingtypes: lenientListOf('inschrijvingtype', inschrijvingtype),
  }),
).transform((r) => ({
  leerlingen: r.leerlingen.items,
  adressen: r.adressen.items,
  groepen: r.groepen.items,
  schooljaren: r.schooljaren,
  inschrijvingtypes: r.inschrijvingtypes.items,
  unreadable: [...r.leerlingen.unreadable, ...r.adressen.unreadable, ...r.groepen.unreadable, ...r.inschrijvingtypes.unreadable],
}));

export type LeerlingenReturn = z.output<typeof leerlingenReturnSchema>;
export type RawLeerling = LeerlingenReturn['leerlingen'][number];
export type RawAdres = LeerlingenReturn['adressen'][number];
export type RawGroep = LeerlingenReturn['groepen'][number];
export type RawGroepsindeling = RawLeerling['groepsindelingen'][number];
export type RawInschrijving = RawLeerling['inschrijvingen'][number];
