/**
 * Reads a SOAP 1.1 response: either the operation's `return` element or a Fault. Namespace
 * prefixes are dropped and list elements are always arrays, so a list of one reads like a list
 * of many. Values stay strings (an id "007" must not turn into the number 7).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ParnassysOperation } from './soap-envelope.ts';
import type { SoapFault } from './soap-errors.ts';

/** `parent.child` pairs whose child repeats: always parsed as arrays. */
const LIST_ELEMENTS = new Set([
  'leerlingen.leerling',
  'adressen.adres',
  'groepen.groep',
  'schooljaren.schooljaar',
  'inschrijvingtypes.inschrijvingtype',
  'groepsindelingen.groepsindeling',
  'inschrijvingen.inschrijving',
  'adres.telefoon',
  'medewerkers.medewerker',
]);

function isListElement(jPath: string): boolean {
  const parts = jPath.split('.');
  return parts.length >= 2 && LIST_ELEMENTS.has(`${parts.at(-2)}.${parts.at(-1)}`);
}

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (_name, jPath) => typeof jPath === 'string' && isListElement(jPath),
});

export type SoapOutcome =
  | { kind: 'return'; value: unknown }
  | { kind: 'fault'; fault: SoapFault }
  | { kind: 'unreadable'; reason: string };

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Parses a response body; never throws. */
export function readSoapResponse(body: string, operation: ParnassysOperation): SoapOutcome {
  // SOAP forbids a DTD; refusing it also keeps entity tricks out of the parser.
  if (/<!DOCTYPE/i.test(body)) return { kind: 'unreadable', reason: 'the answer contains a DTD' };
  // The parser alone is lenient: a truncated answer would read as a school with fewer pupils.
  if (XMLValidator.validate(body) !== true) return { kind: 'unreadable', reason: 'the answer is not well-formed XML' };
  let doc: unknown;
  try {
    doc = parser.parse(body);
  } catch {
    return { kind: 'unreadable', reason: 'the answer is not well-formed XML' };
  }
  const envelopeBody = record(record(record(doc)?.Envelope)?.Body);
  if (!envelopeBody) return { kind: 'unreadable', reason: 'the answer is not a SOAP envelope' };
  const fault = record(envelopeBody.Fault);
  if (fault) return { kind: 'fault', fault: { faultcode: text(fault.faultcode), faultstring: text(fault.faultstring) } };
  const response = envelopeBody[`${operation}Response`];
  if (response === undefined) return { kind: 'unreadable', reason: `the envelope holds no ${operation}Response` };
  // An empty response element (no pupils at all) parses as "".
  if (response === '') return { kind: 'return', value: '' };
  const fields = record(response);
  if (!fields) return { kind: 'unreadable', reason: `the ${operation}Response element is not a single record` };
  return { kind: 'return', value: fields.return ?? '' };
}
