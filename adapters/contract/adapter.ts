/**
 * The SIS adapter contract: what a plugin module exports and what the adapter it builds must do.
 * The behavioural rules are in ./README.md ("The contract"); the conformance suite proves them.
 */
import type { ZodType } from 'zod';
import type {
  Absence, AbsenceReport, ChangeProposal, Guardian, HealthStatus, MedicalCard, Page, ReportCard, ReportDocument, ResultKind,
  Student, TestResult,
} from './types.ts';

export const CAPABILITIES = [
  'students',
  'guardians',
  'absences',
  'results.method',
  'results.lvs',
  'changes.submit',
  'reports',
  'medical',
  'absences.report',
] as const;

export type Capability = (typeof CAPABILITIES)[number];

/** Which result kinds each results capability covers; the doorstroomtoets is nationally normed, so LVS. */
export const RESULT_KINDS_BY_CAPABILITY: Record<'results.method' | 'results.lvs', ResultKind[]> = {
  'results.method': ['method'],
  'results.lvs': ['lvs', 'doorstroom'],
};

/** Adapter methods that depend on a capability (everything but identity, healthCheck and close). */
export type AdapterMethod = Exclude<keyof SisAdapter, 'name' | 'version' | 'capabilities' | 'healthCheck' | 'close'>;

/** Which methods each capability promises: an adapter has a method exactly when a capability asks for it. */
export const METHODS_BY_CAPABILITY: Readonly<Record<Capability, readonly AdapterMethod[]>> = Object.freeze({
  students: ['listStudents', 'getStudent'],
  guardians: ['listGuardians', 'getGuardian', 'listGuardiansOfStudent'],
  absences: ['listAbsences'],
  'results.method': ['listResults'],
  'results.lvs': ['listResults'],
  'changes.submit': ['submitChange'],
  reports: ['listReports', 'getReportDocument'],
  medical: ['getMedicalCard'],
  'absences.report': ['reportAbsence'],
});

export interface Clock {
  now(): Date;
}

/** The slice of a logger adapters may use (pino satisfies it). Never log personal data or credentials. */
export interface AdapterLogger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

/** Minimal HTTP client shape adapters get injected (an axios instance satisfies it). */
export interface AdapterDeps {
  /** An axios instance preconfigured by the gateway (timeout, no redirects, size cap). */
  http: import('axios').AxiosInstance;
  logger: AdapterLogger;
  clock: Clock;
}

export interface SisAdapter {
  readonly name: string;
  readonly version: string;
  readonly capabilities: ReadonlySet<Capability>;

  /** Reachability and credentials, cheaply. Never throws: a failure is `{ ok: false, detail }`. */
  healthCheck(): Promise<HealthStatus>;

  // --- students ---
  /** All current pupils, paged. Pupils whose enrolment has ended are left out. */
  listStudents?(cursor?: string): Promise<Page<Student>>;
  /** One pupil; SIS_NOT_FOUND for an unknown or departed id. */
  getStudent?(studentId: string): Promise<Student>;

  // --- guardians ---
  /** All guardians with their child links, paged; for provisioning. */
  listGuardians?(cursor?: string): Promise<Page<Guardian>>;
  /** One guardian; SIS_NOT_FOUND for an unknown id. */
  getGuardian?(guardianId: string): Promise<Guardian>;
  /** The guardians linked to one pupil; SIS_NOT_FOUND for an unknown pupil. */
  listGuardiansOfStudent?(studentId: string): Promise<Guardian[]>;

  // --- absences ---
  /**
   * Absences with from <= date <= to (inclusive local dates), ordered by date, then id. A source
   * with totals only answers with summaries whose period overlaps the range, placed by their last day.
   */
  listAbsences?(studentId: string, range: { from: string; to: string }): Promise<Absence[]>;

  // --- results.method / results.lvs ---
  /** Results of the kinds the adapter's capabilities cover, ordered by date, then id. */
  listResults?(studentId: string, options?: { schoolYear?: string }): Promise<TestResult[]>;

  // --- changes.submit ---
  /** Writes a correction to the SIS. The same idempotencyKey twice yields the same reference, written once. */
  submitChange?(change: ChangeProposal, options: { idempotencyKey: string }): Promise<{ reference: string }>;

  // --- reports ---
  /** The pupil's report cards of every school year, issued or announced, ordered by issuedOn, then id; SIS_NOT_FOUND for an unknown pupil. */
  listReports?(studentId: string): Promise<ReportCard[]>;
  /**
   * One report's document, streamed. SIS_NOT_FOUND for an unknown pupil, an unknown report, or a
   * report of another pupil. The same report gives the same bytes each time.
   */
  getReportDocument?(studentId: string, reportId: string): Promise<ReportDocument>;

  // --- medical ---
  /** The pupil's medical card, with the SIS's secret flags; SIS_NOT_FOUND for an unknown pupil. */
  getMedicalCard?(studentId: string): Promise<MedicalCard>;

  // --- absences.report ---
  /**
   * Records a parent's absence report (ziekmelding) for one day. The same idempotencyKey twice
   * yields the same reference, recorded once; SIS_NOT_FOUND for an unknown pupil. With `absences`
   * too, the reported day is listed by listAbsences from then on (as the SIS registers it).
   */
  reportAbsence?(report: AbsenceReport, options: { idempotencyKey: string }): Promise<{ reference: string }>;

  /** Releases timers, watchers and connections. */
  close?(): Promise<void>;
}

/** What an adapter module (built in, an npm package or a path) exports, as default or as named exports. */
export interface AdapterModule<C = unknown> {
  name: string;
  version: string;
  /** The capabilities this module can offer; the built adapter may narrow them by config. */
  capabilities: readonly Capability[];
  /** zod schema of the adapter's config section; the gateway validates every adapter at boot. */
  configSchema: ZodType<C>;
  /**
   * Optional: a few lines for the school — what the adapter gives and what it cannot, where its
   * guide is. The conformance report prints it.
   */
  help?: string;
  /** Builds the adapter. Must do no I/O: connect lazily on first call. */
  create(config: C, deps: AdapterDeps): SisAdapter;
}
