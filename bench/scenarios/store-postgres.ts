/**
 * The store on PostgreSQL at 10k and 100k cached records, the same records as the lowdb scaling
 * (store-scaling.ts), through the store's own interface on a database of its own (created and
 * dropped here, on the server the tests use):
 *
 * - bulk load: n cache sets, 32 in flight (as the cache-warm job calls the SIS), the time it takes
 *   and the event-loop lag meanwhile (each set serialises its record on the main thread);
 * - one write: a single set's latency (a committed upsert) and the event-loop block around it;
 * - one read: a single get's latency (a query and a JSON parse; peek's short memo, which the pages
 *   read through, is not what this measures);
 * - under a steady 100 sets a second, the lag and the p99 of a set, as for lowdb.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createPostgresStore, type PostgresStore } from '../../gateway/store/postgres/index.ts';
import pg from 'pg';
import { benchDatabase } from '../lib/bench-database.ts';
import { percentile, median, round } from '../lib/stats.ts';
import { entry, recordTemplates, RECORDS_PER_PUPIL, type RecordTemplates } from './store-scaling.ts';

export interface StorePostgresOptions {
  sizes: number[];
  setsPerSecond: number;
  loadSeconds: number;
  /** Single writes and reads timed per size. */
  writes: number;
}

export interface PostgresSizeResult {
  records: number;
  pupilsEquivalent: number;
  tableBytes: number;
  openMs: number;
  bulkLoad: { ms: number; recordsPerSecond: number; lagP99Ms: number; lagMaxMs: number };
  writeMs: number;
  writeBlockMs: number;
  readMs: number;
  underLoad: { sets: number; setP99Ms: number; lagP99Ms: number; lagMaxMs: number };
}

const IN_FLIGHT = 32;

function lagMonitor(resolution: number) {
  const h = monitorEventLoopDelay({ resolution });
  h.enable();
  return {
    stop() {
      h.disable();
      return { p99: round(Math.max(0, h.percentile(99) / 1e6 - resolution)), max: round(Math.max(0, h.max / 1e6 - resolution)) };
    },
  };
}

async function bulkLoad(store: PostgresStore, templates: RecordTemplates, n: number) {
  const storedAt = new Date().toISOString();
  let next = 0;
  const lag = lagMonitor(10);
  const started = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < n) await store.cache.set(entry(templates, next++, storedAt));
  }));
  const ms = performance.now() - started;
  const { p99, max } = lag.stop();
  return { ms: round(ms), recordsPerSecond: round(n / (ms / 1000)), lagP99Ms: p99, lagMaxMs: max };
}

async function timedOnes(store: PostgresStore, templates: RecordTemplates, n: number, count: number) {
  const writes: number[] = [];
  const blocks: number[] = [];
  const reads: number[] = [];
  for (let i = 0; i < count; i++) {
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    // The histogram counts from its first tick on: a block before that would go unseen.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = performance.now();
    await store.cache.set(entry(templates, n + i, new Date().toISOString()));
    writes.push(performance.now() - started);
    lag.disable();
    blocks.push(Math.max(0, lag.max / 1e6 - 5));
    const key = entry(templates, Math.floor((i + 0.5) * (n / count)), '').key;
    const reading = performance.now();
    if (!(await store.cache.get(key))) throw new Error(`bench: ${key} was not loaded`);
    reads.push(performance.now() - reading);
  }
  return { writeMs: round(median(writes)), writeBlockMs: round(median(blocks)), readMs: round(median(reads)) };
}

async function underLoad(store: PostgresStore, templates: RecordTemplates, n: number, options: StorePostgresOptions) {
  const lag = lagMonitor(10);
  const latencies: number[] = [];
  const running: Promise<void>[] = [];
  let sets = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const owed = Math.floor(((performance.now() - started) / 1000) * options.setsPerSecond) - sets;
      for (let i = 0; i < owed; i++) {
        const t = performance.now();
        running.push(store.cache.set(entry(templates, n + 1000 + sets++, new Date().toISOString())).then(() => void latencies.push(performance.now() - t)));
      }
      if (performance.now() - started >= options.loadSeconds * 1000) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
  await Promise.all(running);
  const { p99, max } = lag.stop();
  return { sets, setP99Ms: round(percentile(latencies, 99)), lagP99Ms: p99, lagMaxMs: max };
}

async function oneSize(n: number, templates: RecordTemplates, options: StorePostgresOptions): Promise<PostgresSizeResult> {
  return benchDatabase(`store_${n}`, async (url) => {
    const store = createPostgresStore({ url, poolSize: 10 });
    const opening = performance.now();
    await store.open();
    const openMs = round(performance.now() - opening);
    try {
      const load = await bulkLoad(store, templates, n);
      const ones = await timedOnes(store, templates, n, options.writes);
      const steady = await underLoad(store, templates, n, options);
      const bytes = await tableBytes(url);
      return {
        records: n, pupilsEquivalent: Math.round(n / RECORDS_PER_PUPIL), tableBytes: bytes, openMs,
        bulkLoad: load, ...ones, underLoad: steady,
      };
    } finally {
      await store.close();
    }
  });
}

/** The cache table with its indexes and TOAST, on disk. */
async function tableBytes(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>("SELECT pg_total_relation_size('cache_entries')::text AS bytes");
    return Number(rows[0]?.bytes ?? 0);
  } finally {
    await client.end();
  }
}

export async function storePostgres(options: StorePostgresOptions): Promise<PostgresSizeResult[]> {
  const templates = await recordTemplates();
  const results: PostgresSizeResult[] = [];
  for (const n of options.sizes) results.push(await oneSize(n, templates, options));
  return results;
}
