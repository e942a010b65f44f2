/**
 * `npm run bench [-- --quick] [-- --parents 10000] [-- --only cached,opening,store,parse,pgstore,pgopening]`
 *
 * The PostgreSQL parts (the gateway on PostgreSQL beside lowdb in `cached`, `pgstore`,
 * `pgopening`) use the server the tests use (OUDERPOORT_TEST_POSTGRES_URL, default 127.0.0.1:5432),
 * one database per run, created and dropped; without a reachable server they are left out, said so.
 *
 * Runs the benchmarks on loopback only, each bounded in time, prints one table and writes the
 * numbers as JSON to bench/results/<date>-<mode>.json. See bench/README.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatTable } from './lib/table.ts';
import { resultRows, type BenchResults } from './lib/result-rows.ts';
import { cachedPage } from './scenarios/cached-page.ts';
import { openingDay } from './scenarios/opening-day.ts';
import { storeScaling } from './scenarios/store-scaling.ts';
import { sisParse } from './scenarios/sis-parse.ts';
import { storePostgres } from './scenarios/store-postgres.ts';
import { benchDatabase, postgresReachable } from './lib/bench-database.ts';

const SCENARIOS = ['cached', 'opening', 'store', 'parse', 'pgstore', 'pgopening'] as const;
type Scenario = (typeof SCENARIOS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    parents: { type: 'string' },
    concurrency: { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string' },
  },
});

function positive(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be a whole number from 1 to ${max}`);
  return n;
}

const quick = values.quick ?? false;
const only = new Set<Scenario>(values.only === undefined ? SCENARIOS : values.only.split(',').map((s) => {
  if (!(SCENARIOS as readonly string[]).includes(s)) throw new Error(`--only takes ${SCENARIOS.join(', ')}`);
  return s as Scenario;
}));
const parents = positive('parents', values.parents, quick ? 300 : 2000, 10_000);
const settings = {
  mode: quick ? 'quick' : 'full',
  cached: { rounds: quick ? 2 : 3, durationSec: quick ? 3 : 5, connections: 16 },
  opening: {
    parents,
    // The cold run shows the SIS calls per record and the cost of a cold cache; a quarter of the
    // parents show that as well, and logins (argon2) are what makes a storm long.
    coldParents: Math.max(50, Math.round(parents / 4)),
    concurrency: positive('concurrency', values.concurrency, 50, 1000),
    latencyMs: 200,
    // Issue 23: 10 minutes for 10,000 parents (60 ms a parent), never less than the 300 s of 2,000.
    deadlineMs: quick ? 60_000 : Math.max(300_000, parents * 60),
  },
  store: { sizes: quick ? [1_000, 10_000] : [1_000, 10_000, 100_000], setsPerSecond: 100, loadSeconds: quick ? 2 : 3, writes: 3 },
  pgStore: { sizes: quick ? [10_000] : [10_000, 100_000], setsPerSecond: 100, loadSeconds: quick ? 2 : 3, writes: 5 },
  pgOpening: { instances: 2 },
};

const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
  loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
};

const started = Date.now();
const log = (line: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`);
const results: BenchResults = {};

const wantsPostgres = only.has('cached') || only.has('pgstore') || only.has('pgopening');
const postgres = wantsPostgres && await postgresReachable();
if (wantsPostgres && !postgres) log('PostgreSQL is not reachable: the PostgreSQL parts are left out');

if (only.has('cached')) {
  log(`cached pages: gateway vs Node http and Express sending its bytes, and bare Express + Handlebars${postgres ? ', and the gateway on PostgreSQL' : ''}`);
  results.cachedPage = postgres
    ? await benchDatabase('cached', (databaseUrl) => cachedPage({ ...settings.cached, databaseUrl }))
    : await cachedPage(settings.cached);
}
if (only.has('opening')) {
  const { coldParents, ...opening } = settings.opening;
  log(`opening day, cold cache: ${coldParents} parents`);
  const cold = await openingDay({ ...opening, parents: coldParents, warm: false });
  log(`opening day, cache warmed when results opened: ${parents} parents`);
  const warm = await openingDay({ ...opening, warm: true });
  results.openingDay = { cold, warm };
}
if (only.has('store')) {
  log(`store scaling: ${settings.store.sizes.join(', ')} cached records`);
  results.storeScaling = await storeScaling(settings.store);
}

if (only.has('pgstore') && postgres) {
  log(`store on PostgreSQL: ${settings.pgStore.sizes.join(', ')} cached records`);
  results.storePostgres = await storePostgres(settings.pgStore);
}
if (only.has('pgopening') && postgres) {
  const { coldParents: _cold, ...opening } = settings.opening;
  log(`opening day on PostgreSQL, ${settings.pgOpening.instances} instances, cache warmed: ${parents} parents`);
  results.openingDayPostgres = await benchDatabase('opening', (databaseUrl) => openingDay({
    ...opening, warm: true, databaseUrl, instances: settings.pgOpening.instances,
  }));
}

if (only.has('parse')) {
  log('SIS answers of a 1,500-pupil school: ParnasSys SOAP and an OSO dossiers file, parsed off the main thread');
  results.sisParse = await sisParse({ pupils: 1500 });
}

const report = { date: new Date().toISOString(), durationSec: Math.round((Date.now() - started) / 1000), machine, settings, results };
const dir = fileURLToPath(new URL('./results/', import.meta.url));
await mkdir(dir, { recursive: true });
const file = values.out ?? `${dir}${report.date.slice(0, 10)}-${settings.mode}.json`;
await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);

process.stdout.write(`\n${formatTable(resultRows(report.results))}\n\n`);
process.stdout.write(`${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}; ${report.durationSec} s; JSON: ${file}\n`);
