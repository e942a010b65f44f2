/**
 * Store scaling: how the lowdb cache file behaves at 1k, 10k and 100k cached records. Records are
 * real mock SIS records (student, guardians, absences, results of the demo school's pupils) under
 * distinct keys, so sizes match what a school's cache holds (about seven records per pupil).
 *
 * Per size: the file size; the latency of one write (a set, then flush: lowdb rewrites the whole
 * file); the event-loop block of that write (JSON.stringify runs on the main thread); the time to
 * open the store (parse at boot); and, under a steady load of cache sets, the coalesced writes per
 * second and the event-loop lag while they run.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMockAdapter } from '../../adapters/mock/index.ts';
import { ensurePrivateDir } from '../../gateway/store/lowdb/durable-file.ts';
import { createLowdbStore, type LowdbStore } from '../../gateway/store/lowdb/index.ts';
import { KindFileAdapter } from '../../gateway/store/lowdb/kind-file-adapter.ts';
import type { CacheEntry } from '../../gateway/store/types.ts';
import { storeWriteCounter } from '../server/store-writes.ts';
import { median, round } from '../lib/stats.ts';

export interface StoreScalingOptions {
  sizes: number[];
  /** Cache sets per second during the load phase. */
  setsPerSecond: number;
  loadSeconds: number;
  /** Single writes timed per size. */
  writes: number;
}

export interface StoreSizeResult {
  records: number;
  pupilsEquivalent: number;
  fileBytes: number;
  openMs: number;
  writeMs: number;
  writeBlockMs: number;
  underLoad: { sets: number; fileWrites: number; writesPerSecond: number; setsPerWrite: number; lagP99Ms: number; lagMaxMs: number };
}

export const RECORDS_PER_PUPIL = 7;
const quiet = { warn() {}, error() {} };

/** Every record the cache would hold for the demo school's pupils, as templates to copy under new keys. */
export type RecordTemplates = Array<Omit<CacheEntry, 'key' | 'storedAt'>>;

export async function recordTemplates(): Promise<RecordTemplates> {
  const clock = { now: () => new Date('2027-03-01T10:00:00+01:00') };
  const sis = createMockAdapter({ hideFuture: true }, { clock });
  const templates: RecordTemplates = [];
  const students = (await sis.listStudents!()).items;
  for (const student of students.slice(0, 60)) {
    const id = student.id;
    templates.push({ kind: 'student', studentId: id, value: student });
    templates.push({ kind: 'results', studentId: id, value: await sis.listResults!(id) });
    templates.push({ kind: 'absences', studentId: id, value: await sis.listAbsences!(id, { from: '2026-08-01', to: '2027-07-31' }) });
    const guardians = await sis.listGuardiansOfStudent!(id);
    templates.push({ kind: 'guardiansOfStudent', studentId: id, value: guardians });
    for (const guardian of guardians) templates.push({ kind: 'guardian', value: guardian });
  }
  return templates;
}

/** The i-th record: a template under its own key. */
export function entry(templates: RecordTemplates, i: number, storedAt: string): CacheEntry {
  const template = templates[i % templates.length] as Omit<CacheEntry, 'key' | 'storedAt'>;
  return { ...template, key: `${template.kind}:bench-${i}`, storedAt };
}

async function writeStoreFile(dir: string, entries: CacheEntry[]): Promise<void> {
  await ensurePrivateDir(dir);
  await new KindFileAdapter<CacheEntry>(join(dir, 'cache.json'), 'cache').write(entries);
}

async function timedWrites(store: LowdbStore, templates: Parameters<typeof entry>[0], n: number, count: number) {
  const durations: number[] = [];
  const blocks: number[] = [];
  for (let i = 0; i < count; i++) {
    await store.cache.set(entry(templates, n + i, new Date().toISOString()));
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    // The histogram counts from its first tick on: a block before that would go unseen.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = performance.now();
    await store.flush();
    durations.push(performance.now() - started);
    lag.disable();
    blocks.push(Math.max(0, lag.max / 1e6 - 5));
  }
  return { writeMs: round(median(durations)), writeBlockMs: round(median(blocks)) };
}

async function underLoad(store: LowdbStore, counter: ReturnType<typeof storeWriteCounter>, templates: Parameters<typeof entry>[0], n: number, options: StoreScalingOptions) {
  counter.reset();
  const lag = monitorEventLoopDelay({ resolution: 10 });
  const perTick = Math.max(1, Math.round(options.setsPerSecond / 100));
  let sets = 0;
  lag.enable();
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      // Sets owed by now, so a write that blocks the loop is caught up afterwards, as requests would queue.
      const owed = Math.floor(((performance.now() - started) / 1000) * options.setsPerSecond) - sets;
      for (let i = 0; i < Math.min(owed, perTick * 50); i++) void store.cache.set(entry(templates, n + 1000 + sets++, new Date().toISOString()));
      if (performance.now() - started >= options.loadSeconds * 1000) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
  const seconds = (performance.now() - started) / 1000;
  lag.disable();
  await store.flush();
  const fileWrites = counter.writes().cache?.count ?? 0;
  return {
    sets,
    fileWrites,
    writesPerSecond: round(fileWrites / seconds, 2),
    setsPerWrite: round(sets / Math.max(1, fileWrites)),
    lagP99Ms: round(Math.max(0, lag.percentile(99) / 1e6 - 10)),
    lagMaxMs: round(Math.max(0, lag.max / 1e6 - 10)),
  };
}

async function oneSize(n: number, templates: Parameters<typeof entry>[0], options: StoreScalingOptions): Promise<StoreSizeResult> {
  const dir = await mkdtemp(join(tmpdir(), 'ouderpoort-bench-store-'));
  try {
    const counter = storeWriteCounter(quiet);
    // The file a store holding n entries writes, written as the store writes it: a setup, not a
    // measurement, and n sets through the store (each normalised and frozen) took longer than the rest.
    const storedAt = new Date().toISOString();
    await writeStoreFile(dir, Array.from({ length: n }, (_, i) => entry(templates, i, storedAt)));

    const opening = performance.now();
    const store = createLowdbStore({ dir, logger: counter });
    await store.open();
    const openMs = round(performance.now() - opening);
    const fileBytes = (await stat(join(dir, 'cache.json'))).size;
    const writes = await timedWrites(store, templates, n, options.writes);
    const load = await underLoad(store, counter, templates, n, options);
    await store.close();
    return { records: n, pupilsEquivalent: Math.round(n / RECORDS_PER_PUPIL), fileBytes, openMs, ...writes, underLoad: load };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function storeScaling(options: StoreScalingOptions): Promise<StoreSizeResult[]> {
  const templates = await recordTemplates();
  const results: StoreSizeResult[] = [];
  for (const n of options.sizes) results.push(await oneSize(n, templates, options));
  return results;
}
