/**
 * createSisService: the gateway's read path over ONE SisAdapter (a stack is composed into one
 * elsewhere). Caching and logging wrap the adapter here, never inside adapters/ (STYLE.md).
 * The cache semantics live in read-through.ts; this module maps record kinds onto adapter calls.
 */
import type {
  Absence, Capability, Clock, Guardian, MedicalCard, ReportCard, SisAdapter, Student, TestResult,
} from '../../adapters/contract/index.ts';
import type { CacheRepo } from '../store/types.ts';
import { cacheKeys } from './cache-keys.ts';
import { SisCapabilityMissingError } from './errors.ts';
import { reportHealth } from './health.ts';
import { createReadThrough, type ReadThroughOptions, type RecordRequest, type SisServiceLogger } from './read-through.ts';
import { schoolYearOf as defaultSchoolYearOf } from './school-year.ts';
import type { RecordKind, SchoolYear, SisService } from './types.ts';

export interface SisServiceOptions {
  adapter: SisAdapter;
  cache: CacheRepo;
  clock: Clock;
  logger: SisServiceLogger;
  /** Time to live per record kind, in ms; older values are served stale while a refresh runs. */
  ttl: Record<RecordKind, number>;
  /** Beyond this age (ms) a cached value is never served, not even while the SIS is down. */
  staleMaxAgeMs: number;
  /** Minimum wait (ms) after a failed refresh before the next background refresh of that key. Default 30 s. */
  refreshRetryMs?: number;
  /** Which absence range warm() caches; routes should ask for the same range to use it. */
  schoolYearOf?: (now: Date) => SchoolYear;
  /** Told the outcome of every cache read (the cache metrics). */
  onRead?: ReadThroughOptions['onRead'];
}

type Method = 'getStudent' | 'getGuardian' | 'listGuardiansOfStudent' | 'listGuardians' | 'listAbsences' | 'listResults'
  | 'listReports' | 'getReportDocument' | 'getMedicalCard';

export function createSisService(options: SisServiceOptions): SisService {
  const { adapter, clock } = options;
  const schoolYearOf = options.schoolYearOf ?? defaultSchoolYearOf;
  const records = createReadThrough({ ...options, refreshRetryMs: options.refreshRetryMs ?? 30_000 });
  const has = (capability: Capability) => adapter.capabilities.has(capability);

  /** The adapter method, bound, or a typed error naming the missing capability. */
  function method<M extends Method>(name: M, capability: Capability): NonNullable<SisAdapter[M]> {
    const fn = adapter[name];
    if (!has(capability) || typeof fn !== 'function') throw new SisCapabilityMissingError(capability, name);
    return fn.bind(adapter) as NonNullable<SisAdapter[M]>;
  }

  const requests = {
    student: (studentId: string): RecordRequest<Student> => {
      const fetch = method('getStudent', 'students');
      return { key: cacheKeys.student(studentId), kind: 'student', studentId, fetch: () => fetch(studentId) };
    },
    guardian: (guardianId: string): RecordRequest<Guardian> => {
      const fetch = method('getGuardian', 'guardians');
      // A guardian outlives any one child's enrolment, so no studentId: the record carries its guardian,
      // and the retention purge deletes it once no active account is that guardian's.
      return { key: cacheKeys.guardian(guardianId), kind: 'guardian', guardianId, fetch: () => fetch(guardianId) };
    },
    guardiansOfStudent: (studentId: string): RecordRequest<Guardian[]> => {
      const fetch = method('listGuardiansOfStudent', 'guardians');
      return {
        key: cacheKeys.guardiansOfStudent(studentId), kind: 'guardiansOfStudent', studentId, fetch: () => fetch(studentId),
      };
    },
    absences: (studentId: string, range: { from: string; to: string }): RecordRequest<Absence[]> => {
      const fetch = method('listAbsences', 'absences');
      const { from, to } = range;
      return {
        key: cacheKeys.absences(studentId, range), kind: 'absences', studentId, fetch: () => fetch(studentId, { from, to }),
      };
    },
    results: (studentId: string): RecordRequest<TestResult[]> => {
      // Either results capability will do; with neither, the error names results.method.
      const fetch = method('listResults', has('results.lvs') ? 'results.lvs' : 'results.method');
      // All school years: the LVS growth chart spans the pupil's whole school career.
      return { key: cacheKeys.results(studentId), kind: 'results', studentId, fetch: () => fetch(studentId) };
    },
    reports: (studentId: string): RecordRequest<ReportCard[]> => {
      const fetch = method('listReports', 'reports');
      return { key: cacheKeys.reports(studentId), kind: 'reports', studentId, fetch: () => fetch(studentId) };
    },
    medical: (studentId: string): RecordRequest<MedicalCard> => {
      const fetch = method('getMedicalCard', 'medical');
      return { key: cacheKeys.medical(studentId), kind: 'medical', studentId, fetch: () => fetch(studentId) };
    },
  };

  async function warmKind(studentId: string, kind: RecordKind): Promise<void> {
    switch (kind) {
      case 'student':
        await records.refresh(requests.student(studentId));
        return;
      case 'guardiansOfStudent':
        await records.refresh(requests.guardiansOfStudent(studentId));
        return;
      case 'guardian': {
        // Guardian records are keyed by guardian; warming "the pupil's guardians" means each linked one.
        const guardians = await records.refresh(requests.guardiansOfStudent(studentId));
        await Promise.all(guardians.map((g) => records.refresh(requests.guardian(g.id))));
        return;
      }
      case 'absences': {
        const { from, to } = schoolYearOf(clock.now());
        await records.refresh(requests.absences(studentId, { from, to }));
        return;
      }
      case 'results':
        await records.refresh(requests.results(studentId));
        return;
      case 'reports':
        await records.refresh(requests.reports(studentId));
        return;
      case 'medical':
        await records.refresh(requests.medical(studentId));
        return;
    }
  }

  return {
    capabilities: adapter.capabilities,
    getStudent: async (studentId) => records.read(requests.student(studentId)),
    getGuardian: async (guardianId) => records.read(requests.guardian(guardianId)),
    listGuardiansOfStudent: async (studentId) => records.read(requests.guardiansOfStudent(studentId)),
    listAbsences: async (studentId, range) => records.read(requests.absences(studentId, range)),
    listResults: async (studentId) => records.read(requests.results(studentId)),
    listReports: async (studentId) => records.read(requests.reports(studentId)),
    getReportDocument: async (studentId, reportId) => method('getReportDocument', 'reports')(studentId, reportId),
    getMedicalCard: async (studentId) => records.read(requests.medical(studentId)),

    async *allGuardians() {
      const listGuardians = method('listGuardians', 'guardians');
      let cursor: string | undefined;
      do {
        const page = await listGuardians(cursor);
        yield* page.items;
        cursor = page.next;
      } while (cursor !== undefined);
    },

    async warm(studentId, kinds) {
      const outcomes = await Promise.allSettled([...new Set(kinds)].map((kind) => warmKind(studentId, kind)));
      const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      // Every kind that could be fetched is stored; the caller learns about the first that could not.
      if (failed) throw failed.reason;
    },

    async forget(studentId) {
      records.forgetStudent(studentId);
      return options.cache.deleteByStudent(studentId);
    },

    health: () => reportHealth(adapter, clock),
  };
}
