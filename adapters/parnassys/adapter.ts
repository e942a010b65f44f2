/**
 * The ParnasSys adapter: current pupils from the generic web service's getLeerlingen (and their
 * teachers' names from getMedewerkers, where the config says who teaches which group), and
 * nothing else, because nothing else is public (guardians, gezag, absences and results are not).
 * Stack another adapter for those (see README.md).
 */
import { performance } from 'node:perf_hooks';
import {
  SisError, isSisError, notFound,
  type AdapterDeps, type Capability, type HealthStatus, type SisAdapter,
} from '../contract/index.ts';
import type { ParnassysConfig } from './config.ts';
import { schoolYearOf, today } from './dates.ts';
import { KeptAnswer } from './kept-answer.ts';
import { LeerlingenCache } from './leerlingen-cache.ts';
import type { MedewerkersReturn } from './medewerkers-schema.ts';
import { pageOf } from './paging.ts';
import type { Roster } from './roster.ts';
import { rosterProblems } from './roster-report.ts';
import { createSoapClient } from './soap-client.ts';
import { withTeachers } from './teachers.ts';

export const PARNASSYS_ADAPTER_NAME = 'parnassys';
export const PARNASSYS_ADAPTER_VERSION = '0.1.0';
/** Exactly what the public generic web service gives. */
export const PARNASSYS_CAPABILITIES: readonly Capability[] = Object.freeze(['students']);

const messages = {
  closed: 'The ParnasSys adapter is closed.',
  pupil: (id: string) => `pupil ${id}`,
  healthy: (brin: string, year: string, pupils: number, ageS: number, problems: string | undefined) =>
    `ParnasSys BRIN ${brin}, schooljaar ${year}: ${pupils} pupils in the answer${ageS > 0 ? ` (kept answer, ${ageS} s old)` : ''}${problems ? `. ${problems}` : ''}`,
  unhealthy: (code: string, message: string) => `${code}: ${message}`,
  healthThrew: 'health check failed unexpectedly',
  rosterBuilt: 'ParnasSys pupils joined',
  teachersJoined: 'ParnasSys teachers joined',
};

export function buildParnassysAdapter(config: ParnassysConfig, deps: AdapterDeps): SisAdapter {
  const { clock, logger } = deps;
  const client = createSoapClient({
    http: deps.http,
    logger,
    clock,
    endpoint: config.endpoint,
    timeoutMs: config.timeoutMs,
    maxBytes: config.maxBytes,
    supplierName: config.supplierName,
    supplierKey: config.supplierKey,
    brin: config.brin,
  });
  const cache = new LeerlingenCache({ ttlMs: config.cacheMs, clock, fetch: (year) => client.getLeerlingen(year) });
  const staff = new KeptAnswer<MedewerkersReturn>({ ttlMs: config.cacheMs, clock, fetch: (year) => client.getMedewerkers(year) });
  const reported = new WeakSet<Roster>();
  /** A joined roster with teachers, per joined roster and staff answer. */
  const taught = new WeakMap<Roster, { staff: MedewerkersReturn; roster: Roster }>();
  let closed = false;

  const schoolYearFor = (day: string) => config.schoolYear ?? schoolYearOf(day);

  const ensureOpen = () => {
    if (closed) throw new SisError('SIS_UNAVAILABLE', { message: messages.closed });
  };

  async function roster(): Promise<Roster> {
    ensureOpen();
    const day = today(clock);
    const joined = await cache.roster({ day, schoolYear: schoolYearFor(day), studentId: config.studentId });
    if (!reported.has(joined)) {
      reported.add(joined);
      // By the SIS's opaque ids only, so the administration can find the records; no names or values.
      const { unreadable } = joined;
      const incomplete = Object.keys(joined.skipped).length > 0 || unreadable.length > 0 || joined.withoutJaargroep.length > 0;
      logger[incomplete ? 'warn' : 'debug']({
        pupils: joined.students.length, departed: joined.departed, skipped: joined.skipped, day,
        ...(unreadable.length > 0 && { unreadable }),
        ...(joined.withoutJaargroep.length > 0 && { withoutJaargroep: joined.withoutJaargroep }),
        ...(joined.withoutGroup.length > 0 && { withoutGroup: joined.withoutGroup }),
      }, messages.rosterBuilt);
    }
    return config.groupTeachers ? teachersOn(joined, schoolYearFor(day)) : joined;
  }

  /** The roster with teachers from getMedewerkers; a failed staff call fails the read, like a failed pupil call. */
  async function teachersOn(joined: Roster, schoolYear: string): Promise<Roster> {
    const [answer, staffAnswer] = await Promise.all([cache.get(schoolYear), staff.get(schoolYear)]);
    const memo = taught.get(joined);
    if (memo?.staff === staffAnswer) return memo.roster;
    const { roster: value, unknownStaff } = withTeachers(joined, answer.data.groepen, staffAnswer.medewerkers, config.groupTeachers!);
    taught.set(joined, { staff: staffAnswer, roster: value });
    logger[unknownStaff > 0 ? 'warn' : 'debug']({ staff: staffAnswer.medewerkers.length, unknownStaff }, messages.teachersJoined);
    return value;
  }

  return {
    name: PARNASSYS_ADAPTER_NAME,
    version: PARNASSYS_ADAPTER_VERSION,
    capabilities: new Set(PARNASSYS_CAPABILITIES),

    /** A kept answer younger than cacheMs counts as proof of reachability, so probes stay cheap. */
    async healthCheck(): Promise<HealthStatus> {
      const started = performance.now();
      const latencyMs = () => Math.max(0, Math.round(performance.now() - started));
      try {
        ensureOpen();
        const day = today(clock);
        const year = schoolYearFor(day);
        const answer = await cache.get(year);
        const joined = await cache.roster({ day, schoolYear: year, studentId: config.studentId });
        const ageS = Math.max(0, Math.round((clock.now().getTime() - answer.fetchedAt) / 1000));
        const problems = rosterProblems(joined);
        return { ok: true, latencyMs: latencyMs(), detail: messages.healthy(config.brin, year, answer.data.leerlingen.length, ageS, problems) };
      } catch (err) {
        const detail = isSisError(err) ? messages.unhealthy(err.code, err.message) : messages.healthThrew;
        return { ok: false, latencyMs: latencyMs(), detail };
      }
    },

    async listStudents(cursor?: string) {
      const { students } = await roster();
      return structuredClone(pageOf(students, config.pageSize, cursor));
    },

    async getStudent(studentId: string) {
      const student = (await roster()).byId.get(studentId);
      if (!student) throw notFound(messages.pupil(studentId));
      return structuredClone(student);
    },

    /** Drops the kept answers: they hold pupils' and staff's personal data. */
    async close() {
      closed = true;
      cache.clear();
      staff.clear();
    },
  };
}
