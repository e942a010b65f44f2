/**
 * The options and runner interface of the conformance suite. The suite registers tests with whatever
 * `{ describe, it }` the caller passes (mocha, node:test, vitest, …), so a school's own adapter package
 * can run it under its own test runner.
 */
import type { AdapterDeps, AdapterModule, ChangeProposal } from '../index.ts';
import type { Expectations } from './expect.ts';

/** The slice of a BDD runner the suite needs. mocha's globals satisfy it, as do node:test's. */
export interface TestFramework {
  describe(name: string, fn: () => void): void;
  it(name: string, fn: () => Promise<void> | void): void;
  /** Optional: when given, sample ids are discovered once up front instead of by the first test. */
  before?(fn: () => Promise<void> | void): void;
  /** Optional: when given, the adapter used for discovery is closed at the end. */
  after?(fn: () => Promise<void> | void): void;
}

/** Ids and ranges for adapters that cannot list (or whose SIS has no suitable data to discover). */
export interface ConformanceFixtures {
  /** Pupils to read; discovered through listStudents or guardians' child links when absent. */
  studentIds?: string[];
  /** Guardians to read; discovered through listGuardians when absent. */
  guardianIds?: string[];
  /** Pupils whose enrolment has ended: getStudent must treat them as unknown. */
  departedStudentIds?: string[];
  /** An id the SIS certainly does not know; a fixed improbable string by default. */
  unknownId?: string;
  /** Range for listAbsences; by default the previous and the current school year (by the adapter's clock). */
  absenceRange?: { from: string; to: string };
  /** The change submitted by the changes.submit tests; by default an e-mail correction for a sample pupil. */
  change?: ChangeProposal;
}

export interface ConformanceLimits {
  /** Paging that has not ended after this many pages fails. Default 1000. */
  maxPages?: number;
  /** How many sample pupils/guardians each test reads. Default 5. */
  samples?: number;
}

export interface ConformanceOptions<C = unknown> {
  module: AdapterModule<C>;
  /** The adapter's raw config section; the suite validates it with `module.configSchema` first. */
  config: unknown;
  /** Deps for each fresh adapter; by default a real axios instance, a silent logger and the system clock. */
  makeDeps?: () => AdapterDeps;
  fixtures?: ConformanceFixtures;
  limits?: ConformanceLimits;
  /** Pupils as the school's own SIS shows them (`--expect`): every difference fails (see ./expect.ts). */
  expect?: Expectations;
}
