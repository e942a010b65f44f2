/**
 * The SIS under test: the mock adapter with a fixed latency per call, counting every call. Above
 * the mock's 2,000 pupils (10,000 parents need about 6,700) it joins several mock schools of
 * different seeds into one, prefixing every id of school k > 0 with "S<k>-", so ids never clash.
 * Bench only: it stands in for the mock through the gateway's importModule hook.
 */
import { z } from 'zod';
import { METHODS_BY_CAPABILITY, type AdapterModule, type Page, type SisAdapter } from '../../adapters/contract/index.ts';
import mockModule, { createMockAdapter } from '../../adapters/mock/index.ts';

const MOCK_MAX_PUPILS = 2000;

export const benchSisConfigSchema = z.strictObject({
  pupils: z.int().min(16).max(20_000),
  latencyMs: z.int().min(0).max(10_000),
  hideFuture: z.boolean().default(true),
});
export type BenchSisConfig = z.output<typeof benchSisConfigSchema>;

/** Calls per adapter method, and per method and first argument (a pupil or guardian id). */
export interface SisCallCounts {
  total: number;
  byMethod: Record<string, number>;
  byKey: Map<string, number>;
}

export function newCallCounts(): SisCallCounts {
  return { total: 0, byMethod: {}, byKey: new Map() };
}

const PREFIX = /^S(\d+)-(.*)$/;
const ID_KEYS = new Set(['id', 'studentId', 'guardianId']);

/** Deep copy with every id of school k prefixed (group and teacher ids too: they are per school). */
function withPrefix<T>(value: T, prefix: string): T {
  if (prefix === '' || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v: unknown) => withPrefix(v, prefix)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = ID_KEYS.has(key) && typeof v === 'string' ? `${prefix}${v}` : withPrefix(v, prefix);
  }
  return out as T;
}

function joinedSchools(schools: SisAdapter[]): SisAdapter {
  const prefixOf = (k: number) => (k === 0 ? '' : `S${k}-`);
  const route = (id: string): [SisAdapter, string, string] => {
    const match = PREFIX.exec(id);
    const k = match ? Number(match[1]) : 0;
    return [schools[k] ?? (schools[0] as SisAdapter), match?.[2] ?? id, prefixOf(k)];
  };
  /** Pages through the schools one after the other; the cursor is "<school>:<cursor in it>". */
  const paged = <T>(list: (a: SisAdapter, cursor?: string) => Promise<Page<T>>) => async (cursor?: string): Promise<Page<T>> => {
    const [k, inner] = cursor === undefined ? [0, undefined] : [Number(cursor.split(':')[0]), cursor.slice(cursor.indexOf(':') + 1) || undefined];
    const page = await list(schools[k] as SisAdapter, inner);
    const next = page.next !== undefined ? `${k}:${page.next}` : k + 1 < schools.length ? `${k + 1}:` : undefined;
    return { items: withPrefix(page.items, prefixOf(k)), ...(next !== undefined ? { next } : {}) };
  };
  const first = schools[0] as SisAdapter;
  const unprefixed = (id: string) => PREFIX.exec(id)?.[2] ?? id;
  const joined: Omit<SisAdapter, 'capabilities'> = {
    name: 'mock', version: first.version,
    healthCheck: () => first.healthCheck(),
    listStudents: paged((a, c) => a.listStudents!(c)),
    listGuardians: paged((a, c) => a.listGuardians!(c)),
    getStudent: async (id) => { const [a, inner, p] = route(id); return withPrefix(await a.getStudent!(inner), p); },
    getGuardian: async (id) => { const [a, inner, p] = route(id); return withPrefix(await a.getGuardian!(inner), p); },
    listGuardiansOfStudent: async (id) => { const [a, inner, p] = route(id); return withPrefix(await a.listGuardiansOfStudent!(inner), p); },
    listAbsences: async (id, range) => { const [a, inner, p] = route(id); return withPrefix(await a.listAbsences!(inner, range), p); },
    listResults: async (id, options) => { const [a, inner, p] = route(id); return withPrefix(await a.listResults!(inner, options), p); },
    listReports: async (id) => { const [a, inner, p] = route(id); return withPrefix(await a.listReports!(inner), p); },
    getReportDocument: async (id, reportId) => { const [a, inner] = route(id); return a.getReportDocument!(inner, unprefixed(reportId)); },
    getMedicalCard: async (id) => { const [a, inner, p] = route(id); return withPrefix(await a.getMedicalCard!(inner), p); },
    submitChange: async (change, options) => {
      const [a, inner] = route(change.studentId);
      return a.submitChange!({ ...change, studentId: inner, guardianId: unprefixed(change.guardianId) }, options);
    },
  };
  // Claims only what it can route: a capability of the mock without its methods here is a
  // ConfigError at boot (what `--parents 10000` hit when the mock gained corrections and reports).
  const routes = joined as unknown as Record<string, unknown>;
  const capabilities = new Set([...first.capabilities].filter((c) => METHODS_BY_CAPABILITY[c].every((m) => typeof routes[m] === 'function')));
  return { ...joined, capabilities };
}

function counted(adapter: SisAdapter, counts: SisCallCounts): SisAdapter {
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string' || prop === 'healthCheck') return value;
      return (...args: unknown[]) => {
        counts.total += 1;
        counts.byMethod[prop] = (counts.byMethod[prop] ?? 0) + 1;
        const key = `${prop}:${typeof args[0] === 'string' ? args[0] : ''}`;
        counts.byKey.set(key, (counts.byKey.get(key) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as SisAdapter;
}

/** An adapter module for the importModule hook; `counts()` is the live tally (reset by replacing its fields). */
export function benchSisModule(counts: SisCallCounts): AdapterModule<BenchSisConfig> {
  return {
    name: 'mock',
    version: mockModule.version,
    capabilities: mockModule.capabilities,
    configSchema: benchSisConfigSchema,
    create(config, deps) {
      const shards = Math.ceil(config.pupils / MOCK_MAX_PUPILS);
      const schools = Array.from({ length: shards }, (_, k) => createMockAdapter({
        seed: 20262027 + k,
        pupils: Math.floor(config.pupils / shards),
        pageSize: 1000,
        hideFuture: config.hideFuture,
        ...(config.latencyMs > 0 ? { latency: { fixedMs: config.latencyMs } } : {}),
      }, { clock: deps.clock, logger: deps.logger }));
      return counted(shards === 1 ? (schools[0] as SisAdapter) : joinedSchools(schools), counts);
    },
  };
}
