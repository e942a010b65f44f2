/**
 * Bytes of a web service answer → the operation's validated `return`, a fault, or why it cannot
 * be read. Pure and CPU-heavy for a large school (about 2 MB for 1,500 pupils), so it runs in a
 * worker thread (./soap-parse-worker.ts); its input and output are plain data.
 */
import { decodeXml } from '../shared/xml-text.ts';
import { leerlingenReturnSchema } from './leerlingen-schema.ts';
import { medewerkersReturnSchema } from './medewerkers-schema.ts';
import type { ParnassysOperation } from './soap-envelope.ts';
import type { SoapFault } from './soap-errors.ts';
import { readSoapResponse } from './soap-response.ts';

export interface ParseInput {
  bytes: Uint8Array;
  contentType?: string;
  operation: ParnassysOperation;
}

export type ParsedAnswer =
  | { kind: 'return'; value: unknown; bytes: number }
  | { kind: 'fault'; fault: SoapFault }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'unexpected'; where: string; what: string };

const SCHEMAS = { getLeerlingen: leerlingenReturnSchema, getMedewerkers: medewerkersReturnSchema } as const;

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || 'return';
}

export function parseAnswer({ bytes, contentType, operation }: ParseInput): ParsedAnswer {
  const decoded = decodeXml(bytes, contentType);
  if (!decoded.ok) return { kind: 'unreadable', reason: decoded.problem };
  const outcome = readSoapResponse(decoded.text, operation);
  if (outcome.kind !== 'return') return outcome;
  const parsed = SCHEMAS[operation].safeParse(outcome.value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { kind: 'unexpected', where: first ? issuePath(first.path) : 'return', what: first?.message ?? 'invalid' };
  }
  return { kind: 'return', value: parsed.data, bytes: decoded.text.length };
}
