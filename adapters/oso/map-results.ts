/**
 * `toetslijst/toets` → LVS results. OSO carries only nationally normed tests here (the schema
 * says so), hence kind 'lvs'; method tests have no place in a dossier. Intelligence tests (WISC,
 * NIO: an IQ reference score or leergebied "IQ") are care data, left out unless the school opts in.
 */
import type { ReferenceScore } from '../contract/index.ts';
import { osoDate, schoolYearOf } from './dates.ts';
import type { Placement, ResultDraft } from './dossier-record.ts';
import { primaryJaargroep } from './map-pupil.ts';
import { child, children, decimal, text, type XmlNode } from './oso-xml.ts';

/** OSO codereferentiescore → the contract's code, where they differ; others are upper-cased as is. */
const REFERENCE_CODES: Record<string, string> = { RNTRM: 'REF', PERC: 'PERCENTIEL' };

export function referenceScores(resultaat: XmlNode | undefined): ReferenceScore[] {
  return children(resultaat, 'referentiescore').flatMap((r) => {
    const code = text(r, 'codereferentiescore')?.toUpperCase();
    const value = text(r, 'waarde');
    return code && value ? [{ code: REFERENCE_CODES[code] ?? code, value }] : [];
  });
}

function isIntelligenceTest(toets: XmlNode): boolean {
  const leergebied = text(child(toets, 'toetsidentificatie'), 'leergebied')?.toLowerCase() ?? '';
  if (leergebied === 'iq' || leergebied.includes('intelligentie')) return true;
  return referenceScores(child(toets, 'resultaat')).some((r) => r.code === 'IQ');
}

/** LVS moment from a Cito-style version or name: "M8-digi" → M, "Spelling E5" → E. */
function momentOf(version: string | undefined, name: string | undefined): 'B' | 'M' | 'E' | undefined {
  const m = /^([BME])\s?[1-8](?![0-9])/.exec(version ?? '') ?? /\b([BME])[1-8]\b/.exec(name ?? '');
  return m ? (m[1] as 'B' | 'M' | 'E') : undefined;
}

/** The jaargroep of the placement covering `day`, when it is a primary-school one. */
export function jaargroepOn(placements: readonly Placement[], day: string): number | undefined {
  const covering = placements.filter((p) => p.from <= day && day <= p.to).at(-1);
  return primaryJaargroep(covering?.jaargroep);
}

export interface ResultOptions {
  includeIntelligenceTests: boolean;
}

export function mapToets(toets: XmlNode, placements: readonly Placement[], options: ResultOptions, notes: string[]): ResultDraft | undefined {
  const ident = child(toets, 'toetsidentificatie');
  const afname = child(toets, 'afname');
  const resultaat = child(toets, 'resultaat');
  const code = text(ident, 'eldtoetscode') ?? text(ident, 'toetsnaam') ?? '?';
  const date = osoDate(text(afname, 'afnamedatum'));
  if (!date) {
    notes.push(`toets ${code}: no afnamedatum`);
    return undefined;
  }
  if (!options.includeIntelligenceTests && isIntelligenceTest(toets)) return undefined;
  const written = text(afname, 'jaargroep');
  const jaargroep = written === undefined ? jaargroepOn(placements, date) : primaryJaargroep(written);
  if (jaargroep === undefined) {
    notes.push(`toets ${code} on ${date}: no primary-school jaargroep (${written ?? 'none given'})`);
    return undefined;
  }
  const score = child(resultaat, 'toetsscore');
  const refs = referenceScores(resultaat);
  const aantalgoed = decimal(score, 'aantalgoed');
  const vaardigheidsscore = decimal(score, 'vaardigheidsscore');
  if (aantalgoed === undefined && vaardigheidsscore === undefined && refs.length === 0) {
    notes.push(`toets ${code} on ${date}: no scores`);
    return undefined;
  }
  const version = text(ident, 'toetsversie');
  const name = text(ident, 'toetsnaam');
  const moment = momentOf(version, name);
  return {
    idKey: `toets|${code}|${date}|${version ?? ''}`,
    kind: 'lvs',
    testName: name ?? code,
    subject: text(ident, 'leergebied') ?? 'overig',
    date,
    schoolYear: schoolYearOf(date),
    jaargroep,
    ...(moment && { moment }),
    ...(aantalgoed !== undefined && { score: aantalgoed }),
    ...(vaardigheidsscore !== undefined && { vaardigheidsscore }),
    referenceScores: refs,
  };
}
