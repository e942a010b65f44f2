/** Capabilities 'results.method' / 'results.lvs': a pupil's test results, only of the kinds declared. */
import { RESULT_KINDS_BY_CAPABILITY, type ResultKind, type SisAdapter, type TestResult } from '../../index.ts';
import { capabilitiesOf } from '../capability-methods.ts';
import { check, notChecked, preview, schoolYearOf } from '../checks.ts';
import type { SuiteContext } from '../context.ts';
import { expectShape, testResultShape } from '../shapes.ts';
import { datesAreIso } from '../traits/iso-dates.ts';
import { unknownIdIsNotFound } from '../traits/not-found.ts';
import { stableOrder } from '../traits/stable-order.ts';
import type { TestFramework } from '../types.ts';

async function resultsOf(adapter: SisAdapter, studentId: string, options?: { schoolYear?: string }): Promise<TestResult[]> {
  const list = options ? await adapter.listResults!(studentId, options) : await adapter.listResults!(studentId);
  check(Array.isArray(list), `listResults(${preview(studentId)}) gave ${preview(list)}; expected an array`);
  return list;
}

const idsOf = (list: TestResult[]) => list.map((r) => r.id).join(', ');

/** A school year long before any pupil now at school was born. */
const EMPTY_SCHOOL_YEAR = '1990-1991';

export function resultsGroup(t: TestFramework, ctx: SuiteContext): void {
  t.describe('capabilities results.method / results.lvs', () => {
    t.it("listResults: results fit the contract's shape and are only of the kinds the capabilities cover", () =>
      ctx.withAdapter(async (adapter) => {
        const caps = capabilitiesOf(adapter);
        const allowed = new Set<ResultKind>(
          (['results.method', 'results.lvs'] as const).filter((c) => caps.includes(c)).flatMap((c) => RESULT_KINDS_BY_CAPABILITY[c]),
        );
        for (const studentId of await ctx.studentIds()) {
          for (const [i, item] of (await resultsOf(adapter, studentId)).entries()) {
            const r = expectShape(testResultShape, item, `listResults(${preview(studentId)}) item ${i}`);
            check(r.studentId === studentId, `listResults(${preview(studentId)}) returned result ${r.id} of pupil ${r.studentId}`);
            check(allowed.has(r.kind), `result ${r.id} is of kind '${r.kind}', which capabilities ${preview(caps)} do not cover (allowed: ${[...allowed].join(', ')})`);
            check(schoolYearOf(r.date) === r.schoolYear, `result ${r.id} dated ${r.date} says school year ${r.schoolYear}; that date falls in ${schoolYearOf(r.date)} (1 August – 31 July)`);
          }
        }
      }));

    t.it('listResults: { schoolYear } gives exactly that year\'s results, in the same order', () =>
      ctx.withAdapter(async (adapter) => {
        let years = 0;
        for (const studentId of await ctx.studentIds()) {
          const all = await resultsOf(adapter, studentId);
          for (const year of [...new Set(all.map((r) => r.schoolYear))].slice(0, 2)) {
            const expected = all.filter((r) => r.schoolYear === year);
            const got = await resultsOf(adapter, studentId, { schoolYear: year });
            check(idsOf(got) === idsOf(expected), `listResults(${preview(studentId)}, { schoolYear: '${year}' }) gave [${idsOf(got)}]; the full list has [${idsOf(expected)}] in that year`);
            years++;
          }
          const none = await resultsOf(adapter, studentId, { schoolYear: EMPTY_SCHOOL_YEAR });
          check(none.length === 0, `listResults(${preview(studentId)}, { schoolYear: '${EMPTY_SCHOOL_YEAR}' }) gave [${idsOf(none)}]; expected none`);
        }
        if (years === 0) notChecked('no sample pupil has results yet, so the schoolYear filter cannot be checked; pass fixtures.studentIds');
      }));

    stableOrder(t, ctx, 'listResults', (a, id) => resultsOf(a, id));
    unknownIdIsNotFound(t, ctx, 'listResults', (a, id) => a.listResults!(id));
    datesAreIso(t, ctx, 'listResults', async (a) => {
      const all: TestResult[] = [];
      for (const id of await ctx.studentIds()) all.push(...await resultsOf(a, id));
      return all;
    });
  });
}
