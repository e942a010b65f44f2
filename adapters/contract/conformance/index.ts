/**
 * The SIS adapter conformance suite. One call registers the whole contract with the caller's
 * test runner; groups follow the capabilities the module declares, and every test builds a fresh
 * adapter from the module's factory.
 *
 *   import { runConformance } from 'ouderpoort/adapters/contract/conformance/index.ts';
 *   runConformance({ describe, it, before, after }, { module: myModule, config: {} });
 *
 * The returned `latency` fills up while the tests run: per method, the calls made and their
 * min / median / max milliseconds.
 */
import type { Capability } from '../index.ts';
import { SuiteContext } from './context.ts';
import { absenceReportGroup } from './groups/absence-report.ts';
import { absencesGroup } from './groups/absences.ts';
import { changesGroup } from './groups/changes.ts';
import { departedGroup } from './groups/departed.ts';
import { guardiansGroup } from './groups/guardians.ts';
import { medicalGroup } from './groups/medical.ts';
import { moduleGroup } from './groups/module.ts';
import { reportsGroup } from './groups/reports.ts';
import { resultsGroup } from './groups/results.ts';
import { studentsGroup } from './groups/students.ts';
import type { LatencyRecorder } from './latency.ts';
import { NotChecked } from './checks.ts';
import { expectedDataGroup } from './groups/expected-data.ts';
import type { ConformanceOptions, TestFramework } from './types.ts';

export type { ConformanceFixtures, ConformanceLimits, ConformanceOptions, TestFramework } from './types.ts';
export type { MethodLatency } from './latency.ts';
export { LatencyRecorder } from './latency.ts';
export { ConformanceError } from './checks.ts';
export { METHODS_BY_CAPABILITY } from './capability-methods.ts';

export { expectationsSchema, type Expectations, type PupilExpectation } from './expect.ts';
export { NotChecked, notChecked } from './checks.ts';

export interface ConformanceRun {
  /** Rules the data could not judge, by test name: why (the report prints "not checked: …"). */
  notChecked: Map<string, string>;
  /** Per-method latency, filled while the registered tests run. */
  latency: LatencyRecorder;
  /** The capabilities whose test groups were registered: the module's, as narrowed by this config. */
  capabilities: Capability[];
}

/** The runner with every test wrapped: a NotChecked outcome is noted and the test passes. */
function noting(t: TestFramework, notes: Map<string, string>): TestFramework {
  return {
    ...t,
    it(name, fn) {
      t.it(name, async () => {
        try {
          await fn();
        } catch (err) {
          if (err instanceof NotChecked) {
            notes.set(name, err.message);
            return;
          }
          throw err;
        }
      });
    },
  };
}

export function runConformance<C>(runner: TestFramework, options: ConformanceOptions<C>): ConformanceRun {
  const notes = new Map<string, string>();
  const t = noting(runner, notes);
  const ctx = new SuiteContext(options as ConformanceOptions<unknown>);
  const name = typeof options.module?.name === 'string' ? options.module.name : '(unnamed module)';
  const narrowed = ctx.tested.size < ctx.declared.size ? ` (narrowed to ${[...ctx.tested].join(', ') || 'nothing'})` : '';

  t.describe(`SIS adapter conformance: ${name}${narrowed}`, () => {
    if (t.before) {
      // Discovery failures surface in the tests that need the ids, with their own message.
      t.before(async () => {
        if (ctx.has('students') || ctx.has('guardians')) await ctx.studentIds().catch(() => undefined);
        if (ctx.has('guardians')) await ctx.guardianIds().catch(() => undefined);
      });
    }
    if (t.after) {
      ctx.keepDiscoveryOpen = true;
      t.after(() => ctx.dispose());
    }

    moduleGroup(t, ctx);
    if (ctx.has('students')) studentsGroup(t, ctx);
    if (ctx.has('guardians')) guardiansGroup(t, ctx);
    if (ctx.has('absences')) absencesGroup(t, ctx);
    if (ctx.has('results.method') || ctx.has('results.lvs')) resultsGroup(t, ctx);
    if (ctx.has('changes.submit')) changesGroup(t, ctx);
    if (ctx.has('reports')) reportsGroup(t, ctx);
    if (ctx.has('medical')) medicalGroup(t, ctx);
    if (ctx.has('absences.report')) absenceReportGroup(t, ctx);
    if (ctx.fixtures.departedStudentIds?.length) departedGroup(t, ctx);
    if (options.expect) expectedDataGroup(t, ctx, options.expect);
  });

  return { latency: ctx.latency, capabilities: [...ctx.tested], notChecked: notes };
}
