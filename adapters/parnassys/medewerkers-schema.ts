/**
 * The `getMedewerkersResponse/return` element: staff (`medewerkers/medewerker`) with their names.
 * Only what the adapter reads is declared. Public integration code reads the name both as
 * roepNaam/achternaam and as firstName/lastName, so either pair is accepted.
 */
import { z } from 'zod';

const text = z.string().optional();

const medewerker = z.object({
  id: z.string().trim().min(1),
  roepNaam: text,
  firstName: text,
  tussenvoegsel: text,
  achternaam: text,
  lastName: text,
});

export const medewerkersReturnSchema = z.preprocess(
  (v) => (v === '' ? {} : v),
  z.object({
    medewerkers: z.preprocess(
      (v) => (v === '' || v === undefined ? {} : v),
      z.object({ medewerker: z.array(medewerker).default([]) }),
    ).transform((w) => w.medewerker),
  }),
);

export type MedewerkersReturn = z.output<typeof medewerkersReturnSchema>;
export type RawMedewerker = MedewerkersReturn['medewerkers'][number];
