/**
 * SisService: the read path the routes use. Cache-first over the (stacked) SIS adapter.
 * Values come with their age so pages can say "gegevens van 2 uur geleden" during an SIS outage.
 */
import type {
  Absence, Capability, Guardian, HealthStatus, Student, TestResult,
} from '../../adapters/contract/index.ts';

/** Record kinds; each has its own TTL in config (`cache.ttl.<kind>`). */
export type RecordKind = 'student' | 'guardian' | 'guardiansOfStudent' | 'absences' | 'results';

export interface Served<T> {
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

export interface SisService {
  readonly capabilities: ReadonlySet<Capability>;
  getStudent(studentId: string): Promise<Served<Student>>;
  getGuardian(guardianId: string): Promise<Served<Guardian>>;
  listGuardiansOfStudent(studentId: string): Promise<Served<Guardian[]>>;
  /** Absences of a school year range (inclusive local dates). */
  listAbsences(studentId: string, range: { from: string; to: string }): Promise<Served<Absence[]>>;
  listResults(studentId: string): Promise<Served<TestResult[]>>;
  /** Every guardian, straight from the SIS (provisioning; not cached). */
  allGuardians(): AsyncIterable<Guardian>;
  /** Fetches and caches ahead of need (e.g. before a section opens). */
  warm(studentId: string, kinds: RecordKind[]): Promise<void>;
  /** Drops every cached record of a pupil (left school, no account). */
  forget(studentId: string): Promise<number>;
  health(): Promise<Array<{ adapter: string; capabilities: Capability[] } & HealthStatus>>;
}
