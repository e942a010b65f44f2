/**
 * SisService: the read path the routes use. Cache-first over the (stacked) SIS adapter.
 * Values come with their age so pages can say "gegevens van 2 uur geleden" during an SIS outage.
 */
import type {
  Absence, Capability, Guardian, HealthStatus, MedicalCard, ReportCard, ReportDocument, Student, TestResult,
} from '../../adapters/contract/index.ts';

/** Record kinds; each has its own TTL in config (`cache.ttl.<kind>`). */
export type RecordKind = 'student' | 'guardian' | 'guardiansOfStudent' | 'absences' | 'results' | 'reports' | 'medical';

export interface Served<T> {
  /** Shared with other readers and, when it comes from the cache, frozen: read it, never change it. */
  value: T;
  /** When the value was fetched from the SIS. */
  fetchedAt: Date;
  /** Milliseconds since fetchedAt, at the moment of serving. */
  ageMs: number;
  /** True when older than its TTL (served stale while a refresh runs, or because the SIS is down). */
  stale: boolean;
  /** True when the last refresh attempt failed: the page should say the data may be outdated. */
  sisDown: boolean;
}

/**
 * Reads (getX/listX) are cache-first: fresh → cache; older than the kind's TTL → the cached value
 * at once (stale) plus one background refresh; missing → one SIS call shared by concurrent readers.
 * Errors: SIS_NOT_FOUND propagates and is never cached (it also drops a cached copy);
 * any other SIS failure with nothing servable cached → SIS_NO_DATA (503);
 * a method whose capability no adapter offers → SIS_CAPABILITY_MISSING (see ./errors.ts).
 */
export interface SisService {
  readonly capabilities: ReadonlySet<Capability>;
  getStudent(studentId: string): Promise<Served<Student>>;
  getGuardian(guardianId: string): Promise<Served<Guardian>>;
  listGuardiansOfStudent(studentId: string): Promise<Served<Guardian[]>>;
  /** Absences of a school year range (inclusive local dates). */
  listAbsences(studentId: string, range: { from: string; to: string }): Promise<Served<Absence[]>>;
  listResults(studentId: string): Promise<Served<TestResult[]>>;
  /** The pupil's report cards (the list only; cached). */
  listReports(studentId: string): Promise<Served<ReportCard[]>>;
  /** One report's document, straight from the SIS (never cached); SIS_NOT_FOUND for a report not the pupil's. */
  getReportDocument(studentId: string, reportId: string): Promise<ReportDocument>;
  /** The pupil's medical card (cached like every record; see cache.ttl.medical). */
  getMedicalCard(studentId: string): Promise<Served<MedicalCard>>;
  /** Every guardian, straight from the SIS (provisioning; not cached). */
  allGuardians(): AsyncIterable<Guardian>;
  /** Fetches and caches ahead of need (e.g. before a section opens). */
  warm(studentId: string, kinds: RecordKind[]): Promise<void>;
  /** Drops every cached record of a pupil (left school, no account). */
  forget(studentId: string): Promise<number>;
  health(): Promise<Array<{ adapter: string; capabilities: Capability[] } & HealthStatus>>;
}

/**
 * One adapter of a stack, as `health()` reports it. A SisAdapter satisfies this shape as it is.
 * `capabilities` are the member's own (the stack may route some of them to an earlier member).
 */
export interface StackMember {
  readonly name: string;
  readonly capabilities: Iterable<Capability>;
  healthCheck(): Promise<HealthStatus>;
}

/** Implemented by the composite adapter (gateway/adapters, SisStack) so `health()` can report each member. */
export interface HasMembers {
  readonly adapters: readonly StackMember[];
}

/** A school year, 1 August – 31 July (inclusive local dates). */
export interface SchoolYear {
  /** Written "2026-2027", like TestResult.schoolYear. */
  name: string;
  from: string;
  to: string;
}
