/**
 * Test doubles for the SisService tests: a watched CacheRepo, a log sink and an SIS adapter that
 * counts calls and can be told to fail or to hold its answers until released.
 */
import type {
  Absence, Capability, Guardian, HealthStatus, Page, SisAdapter, Student, TestResult,
} from '../../../adapters/contract/index.ts';
import type { CacheEntry, CacheRepo } from '../../../gateway/store/types.ts';

/**
 * The memory store's cache, watched: which keys were written, and a promise for the next write,
 * so a test can wait for a background refresh to land without sleeping.
 */
export function observedCache(inner: CacheRepo) {
  const written = new Set<string>();
  const writeWaiters: Array<(entry: CacheEntry) => void> = [];
  const cache: CacheRepo = {
    get: (key) => inner.get(key),
    async set(entry) {
      await inner.set(entry);
      written.add(entry.key);
      for (const resolve of writeWaiters.splice(0)) resolve(structuredClone(entry) as CacheEntry);
    },
    delete: (key) => inner.delete(key),
    deleteByStudent: (studentId) => inner.deleteByStudent(studentId),
    deleteByGuardian: (guardianId) => inner.deleteByGuardian(guardianId),
    owners: () => inner.owners(),
    purgeOlderThan: (before) => inner.purgeOlderThan(before),
    count: () => inner.count(),
  };
  return {
    ...cache,
    /** The plain CacheRepo to hand to the service. */
    cache,
    nextWrite: () => new Promise<CacheEntry>((resolve) => { writeWaiters.push(resolve); }),
    /** Keys written so far that are still in the store, sorted. */
    async keys(): Promise<string[]> {
      const present = await Promise.all([...written].map(async (key) => ((await inner.get(key)) ? key : undefined)));
      return present.filter((key): key is string => key !== undefined).sort();
    },
  };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => { resolve = r; });
  return { promise, resolve };
}

export interface LogLine { level: 'debug' | 'warn'; fields: Record<string, unknown>; msg?: string }

/** Collects log lines; `next(outcome)` resolves when a line with that outcome is logged. */
export function logSink() {
  const lines: LogLine[] = [];
  const waiters: Array<{ outcome: string; resolve: (line: LogLine) => void }> = [];
  const write = (level: LogLine['level']) => (obj: object | string, msg?: string) => {
    const line: LogLine = { level, fields: typeof obj === 'string' ? { text: obj } : { ...obj }, msg };
    lines.push(line);
    for (const w of waiters.filter((x) => x.outcome === line.fields.outcome)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(line);
    }
  };
  return {
    lines,
    outcomes: () => lines.map((l) => l.fields.outcome),
    next: (outcome: string) => new Promise<LogLine>((resolve) => { waiters.push({ outcome, resolve }); }),
    debug: write('debug'),
    warn: write('warn'),
  };
}

export function student(id: string, given = 'Sanne'): Student {
  return {
    id,
    name: { given, family: 'de Vries' },
    birthDate: '2017-03-14',
    group: { id: 'g5', name: 'Groep 5', jaargroepen: [5] },
    jaargroep: 5,
    teachers: [],
    address: { street: 'Dorpsstraat', houseNumber: '12', postcode: '1234 AB', city: 'Utrecht', secret: false },
    contacts: [{ kind: 'phone', value: '0612345678', secret: false, emergency: true }],
    enrolment: { from: '2021-08-23' },
  };
}

export function guardian(id: string, childId: string): Guardian {
  return {
    id,
    name: { given: 'Marieke', family: 'de Vries' },
    contacts: [],
    children: [{ studentId: childId, relation: 'mother', gezag: true, livesWith: true }],
  };
}

const ALL: Capability[] = ['students', 'guardians', 'absences', 'results.method', 'results.lvs'];

/**
 * Answers from its `students` / `guardians` maps. `hold()` makes calls wait until `release()`;
 * `failWith(err)` makes calls (also held ones, once released) reject.
 */
export function fakeAdapter(options: { capabilities?: Capability[]; guardianPages?: Guardian[][] } = {}) {
  const calls: Record<string, number> = {};
  const students = new Map<string, Student>();
  const guardians = new Map<string, Guardian>();
  let failure: unknown;
  let gate: ReturnType<typeof deferred> | undefined;
  const notFound = () => Object.assign(new Error('not found'), { code: 'SIS_NOT_FOUND' });

  async function answer<T>(method: string, produce: () => T): Promise<T> {
    calls[method] = (calls[method] ?? 0) + 1;
    if (gate) await gate.promise;
    if (failure !== undefined) throw failure;
    return produce();
  }

  const adapter: SisAdapter = {
    name: 'fake',
    version: '1.0.0',
    capabilities: new Set(options.capabilities ?? ALL),
    healthCheck: async (): Promise<HealthStatus> => ({ ok: true, latencyMs: 3 }),
    getStudent: (id) => answer('getStudent', () => {
      const s = students.get(id);
      if (!s) throw notFound();
      return structuredClone(s);
    }),
    getGuardian: (id) => answer('getGuardian', () => {
      const g = guardians.get(id);
      if (!g) throw notFound();
      return structuredClone(g);
    }),
    listGuardiansOfStudent: (id) => answer('listGuardiansOfStudent', () =>
      [...guardians.values()].filter((g) => g.children.some((c) => c.studentId === id))),
    listGuardians: (cursor?: string) => answer('listGuardians', (): Page<Guardian> => {
      const pages = options.guardianPages ?? [[...guardians.values()]];
      const index = cursor === undefined ? 0 : Number(cursor);
      const next = index + 1 < pages.length ? String(index + 1) : undefined;
      return next === undefined ? { items: pages[index] ?? [] } : { items: pages[index] ?? [], next };
    }),
    listAbsences: (id, range) => answer('listAbsences', (): Absence[] => [{
      id: `a-${id}-${range.from}`, studentId: id, date: range.from, dayPart: 'day',
      reason: { code: 'ZK', text: 'Ziek' }, authorised: true, late: false,
    }]),
    listResults: (id) => answer('listResults', (): TestResult[] => [{
      id: `r-${id}`, studentId: id, kind: 'method', testName: 'Blok 3', subject: 'rekenen',
      date: '2026-11-02', schoolYear: '2026-2027', jaargroep: 5, score: 7.5, referenceScores: [],
    }]),
  };
  for (const cap of ['students', 'guardians', 'absences'] as const) {
    if (options.capabilities && !options.capabilities.includes(cap)) {
      const methods = { students: ['getStudent'], guardians: ['getGuardian', 'listGuardiansOfStudent', 'listGuardians'], absences: ['listAbsences'] }[cap];
      for (const m of methods) delete (adapter as unknown as Record<string, unknown>)[m];
    }
  }

  return {
    adapter,
    calls,
    students,
    guardians,
    count: (method: string) => calls[method] ?? 0,
    hold: () => { gate = deferred(); },
    release: () => { gate?.resolve(); gate = undefined; },
    failWith: (err: unknown) => { failure = err; },
    recover: () => { failure = undefined; },
  };
}
