/**
 * SIS answers of a large school (1,500 pupils): a ParnasSys getLeerlingen answer (about 2 MB)
 * served over loopback, and an OSO file of 1,500 dossiers. Measures the longest event-loop
 * block while the adapter reads the school — parsed in a worker — next to parsing the same
 * bytes on the main thread, as the adapters did before. Target: no block above 50 ms.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import { createOsoAdapter } from '../../adapters/oso/index.ts';
import { parseDossierFile } from '../../adapters/oso/parse-dossier-file.ts';
import { createParnassysAdapter } from '../../adapters/parnassys/index.ts';
import { parseAnswer } from '../../adapters/parnassys/soap-parse.ts';
import { bigDossiersFile, bigLeerlingenAnswer } from '../lib/big-school.ts';

export interface ParseRun {
  ms: number;
  maxBlockMs: number;
}

export interface SisParseResult {
  pupils: number;
  parnassys: { bytes: number; inThread: ParseRun; adapter: ParseRun };
  oso: { bytes: number; inThread: ParseRun; adapter: ParseRun };
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** Runs `fn` while a 1 ms ticker measures the longest gap between its ticks. */
async function measure(fn: () => Promise<unknown> | unknown): Promise<ParseRun> {
  let last = performance.now();
  let maxGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  last = started;
  await new Promise((r) => setTimeout(r, 5));
  await fn();
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 5));
  clearInterval(ticker);
  maxGap = Math.max(maxGap, performance.now() - last);
  return { ms: Math.round(ms), maxBlockMs: Math.round(maxGap) };
}

export async function sisParse(options: { pupils: number }): Promise<SisParseResult> {
  const soap = Buffer.from(bigLeerlingenAnswer(options.pupils), 'utf8');
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' });
    res.end(soap);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const dir = await mkdtemp(join(tmpdir(), 'bench-oso-'));
  const dossiers = Buffer.from(bigDossiersFile(options.pupils), 'utf8');
  await writeFile(join(dir, 'dossiers.xml'), dossiers);
  try {
    const clock = { now: () => new Date('2026-10-05T08:00:00Z') };
    // Warm-up: start the workers and JIT the parsers once, so the rows compare steady states.
    const warm = createParnassysAdapter({ endpoint: `http://127.0.0.1:${port}/generic`, supplierName: 'bench', supplierKey: 'k', brin: '12AB' }, { http: axios.create(), clock, logger: silent });
    await warm.listStudents!();
    parseAnswer({ bytes: soap, operation: 'getLeerlingen' });

    const parnassysInThread = await measure(() => parseAnswer({ bytes: soap, operation: 'getLeerlingen' }));
    const parnassys = createParnassysAdapter({ endpoint: `http://127.0.0.1:${port}/generic`, supplierName: 'bench', supplierKey: 'k', brin: '12AB' }, { http: axios.create(), clock, logger: silent });
    const parnassysAdapter = await measure(async () => {
      const page = await parnassys.listStudents!();
      if (page.items.length === 0) throw new Error('bench: no pupils from the ParnasSys answer');
    });

    const results = { includeIntelligenceTests: false };
    const osoInThread = await measure(() => parseDossierFile({ name: 'dossiers.xml', bytes: dossiers, results }));
    const oso = createOsoAdapter({ dir, watch: false }, { clock, logger: silent });
    const osoAdapter = await measure(async () => {
      const page = await oso.listStudents!();
      if (page.items.length === 0) throw new Error('bench: no pupils from the OSO dossiers');
    });
    await oso.close?.();
    return {
      pupils: options.pupils,
      parnassys: { bytes: soap.length, inThread: parnassysInThread, adapter: parnassysAdapter },
      oso: { bytes: dossiers.length, inThread: osoInThread, adapter: osoAdapter },
    };
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
