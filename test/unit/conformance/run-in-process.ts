/**
 * Runs the conformance suite in-process with a tiny `{ describe, it, before, after }` of its own and
 * returns each test's outcome by name, so unit tests can assert which rule a faulty adapter breaks.
 * (A second runner, deliberately: it shows the suite depends on nothing mocha-specific.)
 */
import { runConformance, type ConformanceOptions, type MethodLatency, type TestFramework } from '../../../adapters/contract/conformance/index.ts';

export interface Outcome {
  passed: boolean;
  reason?: string;
}

type Fn = () => Promise<void> | void;

export async function runInProcess<C>(options: ConformanceOptions<C>): Promise<{ outcomes: Map<string, Outcome>; latency: MethodLatency[]; notChecked: Map<string, string> }> {
  const tests: Array<{ name: string; fn: Fn }> = [];
  const befores: Fn[] = [];
  const afters: Fn[] = [];
  const framework: TestFramework = {
    describe: (_name, fn) => fn(),
    it: (name, fn) => void tests.push({ name, fn }),
    before: (fn) => void befores.push(fn),
    after: (fn) => void afters.push(fn),
  };
  const run = runConformance(framework, options);
  for (const fn of befores) await fn();
  const outcomes = new Map<string, Outcome>();
  for (const { name, fn } of tests) {
    if (outcomes.has(name)) throw new Error(`two tests are named "${name}"`);
    try {
      await fn();
      outcomes.set(name, { passed: true });
    } catch (err) {
      outcomes.set(name, { passed: false, reason: (err as Error).message });
    }
  }
  for (const fn of afters) await fn();
  return { outcomes, latency: run.latency.summary(), notChecked: run.notChecked };
}

/** Names of the tests that failed, for readable assertion messages. */
export function failures(outcomes: Map<string, Outcome>): Record<string, string | undefined> {
  return Object.fromEntries([...outcomes].filter(([, o]) => !o.passed).map(([name, o]) => [name, o.reason]));
}

/** Asserts exactly the named tests failed, each for a reason matching its pattern. */
export function expectFailures(outcomes: Map<string, Outcome>, expected: Record<string, RegExp>): void {
  const failed = failures(outcomes);
  const unexpected = Object.keys(failed).filter((name) => !(name in expected));
  if (unexpected.length > 0) throw new Error(`unexpected failures: ${JSON.stringify(Object.fromEntries(unexpected.map((n) => [n, failed[n]])), null, 2)}`);
  for (const [name, pattern] of Object.entries(expected)) {
    if (!outcomes.has(name)) throw new Error(`no test named "${name}"; tests: ${[...outcomes.keys()].join(' | ')}`);
    const reason = failed[name];
    if (reason === undefined) throw new Error(`"${name}" passed, expected it to fail with ${pattern}`);
    if (!pattern.test(reason)) throw new Error(`"${name}" failed for another reason: ${reason}; expected ${pattern}`);
  }
}

export const T = {
  construction: 'construction does no I/O: create() uses no http, logger or clock and opens no socket',
  identity: 'the built adapter names itself and offers only known capabilities, all declared by the module',
  methods: 'the built adapter has exactly the methods its capabilities promise',
  exports: 'exports a name, a version, known capabilities, a zod configSchema and a create() factory',
  config: "the config validates against the module's configSchema",
  health: 'healthCheck resolves to { ok: boolean, latencyMs: number } and never rejects',
  healthOffline: 'healthCheck resolves { ok: false } rather than rejecting when the SIS is unreachable',
  notFound: (method: string) => `${method}: an unknown id rejects with code SIS_NOT_FOUND`,
  paging: (method: string) => `${method}: paging follows \`next\` to an end, no cursor repeats, no id twice`,
  order: (method: string) => `${method}: two calls give the same order, sorted by date then id`,
  dates: (method: string) => `${method}: every date is a real ISO date (YYYY-MM-DD), every instant a full ISO instant`,
  secrets: (method: string) => `${method}: every address and contact point has a boolean secret; secret placeholders are flagged secret`,
  listStudents: "listStudents: pupils fit the contract's shape and none has left school",
  getStudent: "getStudent: returns the pupil asked for, in the contract's shape",
  departed: 'a pupil whose enrolment has ended is unknown to every per-pupil method (SIS_NOT_FOUND)',
  listGuardians: "listGuardians: guardians fit the contract's shape, child links with relation, gezag and livesWith",
  getGuardian: "getGuardian: returns the guardian asked for, in the contract's shape",
  guardiansOfStudent: 'listGuardiansOfStudent: gives exactly the guardians linked to that pupil',
  childLinks: 'every child link names a pupil getStudent resolves',
  absences: "listAbsences: the pupil's absences (records or period summaries), in the contract's shape, within the requested range",
  absenceRange: 'listAbsences: both ends of the range are included, nothing outside it',
  results: "listResults: results fit the contract's shape and are only of the kinds the capabilities cover",
  resultsYear: "listResults: { schoolYear } gives exactly that year's results, in the same order",
  submit: 'submitChange: the same idempotency key gives the same reference; another key another one',
};
