/**
 * Reads a SOAP 1.1 or 1.2 response: either the operation's `return` element or a Fault. Namespace
 * prefixes are dropped and list elements are always arrays, so a list of one reads like a list
 * of many. Values stay strings (an id "007" must not turn into the number 7); character
 * references are decoded; an empty element (`<telefoon/>`) is an absent value, so it leaves a
 * list rather than becoming an item that fails the schema.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { XML_ENTITIES } from '../shared/xml-text.ts';
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
  htmlEntities: XML_ENTITIES,
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

/** Drops empty elements from lists, all the way down (in place: the tree is fresh from the parser). */
function dropEmptyItems(value: unknown): unknown {
  if (Array.isArray(value)) {
    const kept = value.filter((item) => item !== '').map(dropEmptyItems);
    value.length = 0;
    value.push(...kept);
  } else if (record(value)) {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) (value as Record<string, unknown>)[key] = dropEmptyItems(child);
  }
  return value;
}

/**
 * A Fault in either version: SOAP 1.1 `faultcode`/`faultstring`, SOAP 1.2 `Code/Value` (with an
 * optional `Subcode`) and `Reason/Text`. The 1.2 codes Receiver/Sender read as 1.1's Server/Client.
 */
function readFault(fault: Record<string, unknown>): SoapFault {
  if ('faultcode' in fault || 'faultstring' in fault) return { faultcode: text(fault.faultcode), faultstring: text(fault.faultstring) };
  const code = record(fault.Code);
  const value = text(code?.Value).replace(/^.*:/, '');
  const subcode = text(record(code?.Subcode)?.Value).replace(/^.*:/, '');
  const reasonText = record(fault.Reason)?.Text;
  const reason = Array.isArray(reasonText) ? text(reasonText[0]) : text(reasonText);
  const v11 = value === 'Receiver' ? 'Server' : value === 'Sender' ? 'Client' : value;
  return { faultcode: v11, faultstring: reason, ...(subcode && { subcode }) };
}

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
  if (fault) return { kind: 'fault', fault: readFault(fault) };
  const response = envelopeBody[`${operation}Response`];
  if (response === undefined) return { kind: 'unreadable', reason: `the envelope holds no ${operation}Response` };
  // An empty response element (no pupils at all) parses as "".
  if (response === '') return { kind: 'return', value: '' };
  const fields = record(response);
  if (!fields) return { kind: 'unreadable', reason: `the ${operation}Response element is not a single record` };
  return { kind: 'return', value: dropEmptyItems(fields.return ?? '') };
}
