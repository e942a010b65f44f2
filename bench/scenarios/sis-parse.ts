/**
 * SIS answers of a large school (1,500 pupils): a ParnasSys getLeerlingen answer (about 2 MB)
 * served over loopback, and an OSO file of 1,500 dossiers. Measures the longest event-loop
 * block while the adapter reads the school — parsed in a worker, the records received and joined
 * in slices — next to parsing the same bytes on the main thread, as the adapters did before.
 * Target: no block above 50 ms. A block is measured as the main thread's own time on a core
 * within one gap of a 1 ms ticker (../lib/thread-cpu.ts), beside the gap itself.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import axios from 'axios';
import { createOsoAdapter } from '../../adapters/oso/index.ts';
import { parseDossierFile } from '../../adapters/oso/parse-dossier-file.ts';
import { createParnassysAdapter } from '../../adapters/parnassys/index.ts';
import { parseAnswer } from '../../adapters/parnassys/soap-parse.ts';
import { bigDossiersFile, bigLeerlingenAnswer } from '../lib/big-school.ts';
import { threadClock } from '../lib/thread-cpu.ts';

export interface ParseRun {
  ms: number;
  /** The longest gap between two ticks of a 1 ms timer: the event loop did not get round to it. */
  maxGapMs: number;
  /**
   * The most time the main thread spent on a core within one gap: how long the loop was held by
   * work (ours, GC); the rest of a gap is the thread waiting for a core on a busy machine.
   * Undefined where Linux's per-thread statistics are missing (then only maxGapMs is known).
   */
  maxBlockMs?: number;
}

export interface SisParseResult {
  pupils: number;
  /** The machine's 1-minute load average when the scenario started (2 cores). */
  loadAverage: number;
  parnassys: { bytes: number; inThread: ParseRun; adapter: ParseRun };
  oso: { bytes: number; inThread: ParseRun; adapter: ParseRun };
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** Runs `fn` while a 1 ms ticker measures the longest gap between its ticks, and the main thread's CPU time within each. */
async function measure(fn: () => Promise<unknown> | unknown): Promise<ParseRun> {
  const thread = threadClock();
  let last = performance.now();
  let lastCpu = thread?.read().onCpuMs ?? 0;
  let maxGap = 0;
  let maxBlock = 0;
  const tick = () => {
    const now = performance.now();
    const cpu = thread?.read().onCpuMs ?? 0;
    maxGap = Math.max(maxGap, now - last);
    maxBlock = Math.max(maxBlock, cpu - lastCpu);
    last = now;
    lastCpu = cpu;
  };
  const ticker = setInterval(tick, 1);
  const started = performance.now();
  last = started;
  await new Promise((r) => setTimeout(r, 5));
  await fn();
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 5));
  clearInterval(ticker);
  tick();
  thread?.close();
  return { ms: Math.round(ms), maxGapMs: Math.round(maxGap), ...(thread && { maxBlockMs: Math.round(maxBlock) }) };
}

export async function sisParse(options: { pupils: number }): Promise<SisParseResult> {
  const loadAverage = Math.round(loadavg()[0]! * 10) / 10;
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
    const config = { endpoint: `http://127.0.0.1:${port}/generic`, supplierName: 'bench', supplierKey: 'k', brin: '12AB' };
    // Warm-up: start the worker and JIT the parser once, so the rows compare steady states.
    await createParnassysAdapter(config, { http: axios.create(), clock, logger: silent }).listStudents!();

    // The adapters first: the in-thread rows leave hundreds of MB of garbage that a later
    // measurement would collect, and a gateway that parses off-thread never makes it.
    const parnassys = createParnassysAdapter(config, { http: axios.create(), clock, logger: silent });
    const parnassysAdapter = await measure(async () => {
      const page = await parnassys.listStudents!();
      if (page.items.length === 0) throw new Error('bench: no pupils from the ParnasSys answer');
    });
    const oso = createOsoAdapter({ dir, watch: false }, { clock, logger: silent });
    const osoAdapter = await measure(async () => {
      const page = await oso.listStudents!();
      if (page.items.length === 0) throw new Error('bench: no pupils from the OSO dossiers');
    });
    await oso.close?.();

    parseAnswer({ bytes: soap, operation: 'getLeerlingen' });
    const parnassysInThread = await measure(() => parseAnswer({ bytes: soap, operation: 'getLeerlingen' }));
    const osoInThread = await measure(() => parseDossierFile({ name: 'dossiers.xml', bytes: dossiers, results: { includeIntelligenceTests: false } }));
    return {
      pupils: options.pupils,
      loadAverage,
      parnassys: { bytes: soap.length, inThread: parnassysInThread, adapter: parnassysAdapter },
      oso: { bytes: dossiers.length, inThread: osoInThread, adapter: osoAdapter },
    };
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
