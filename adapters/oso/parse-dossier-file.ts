/**
 * A dossier file's bytes → its dossiers: decoded by the encoding it declares (exporters write
 * ISO-8859-1 and windows-1252 too), then read. Pure and CPU-heavy for a file of 1,500 dossiers,
 * so it runs in a worker thread (./parse-dossier-worker.ts); input and output are plain data.
 */
import { decodeXml } from '../shared/xml-text.ts';
import type { ResultOptions } from './map-results.ts';
import { readDossierFile, type FileReading } from './read-dossier-file.ts';

export interface DossierFileInput {
  name: string;
  bytes: Uint8Array;
  results: ResultOptions;
}

export function parseDossierFile({ name, bytes, results }: DossierFileInput): FileReading {
  const decoded = decodeXml(bytes);
  return decoded.ok ? readDossierFile(name, decoded.text, results) : { records: [], problems: [decoded.problem] };
}
