/** Capability 'students': listing current pupils, reading one, and treating departed pupils as unknown. */
import type { SisAdapter, Student } from '../../index.ts';
import { check, fail, preview, today } from '../checks.ts';
import type { SuiteContext } from '../context.ts';
import { expectShape, studentShape } from '../shapes.ts';
import { datesAreIso } from '../traits/iso-dates.ts';
import { unknownIdIsNotFound } from '../traits/not-found.ts';
import { pagingTerminates } from '../traits/paging.ts';
import { secretsFlagged } from '../traits/secret-flags.ts';
import type { TestFramework } from '../types.ts';

async function samplePupils(ctx: SuiteContext, adapter: SisAdapter): Promise<Student[]> {
  const pupils: Student[] = [];
  for (const id of await ctx.studentIds()) pupils.push(await adapter.getStudent!(id));
  return pupils;
}

export function studentsGroup(t: TestFramework, ctx: SuiteContext): void {
  t.describe("capability 'students'", () => {
    pagingTerminates(t, ctx, 'listStudents', (a, cursor) => a.listStudents!(cursor));

    t.it("listStudents: pupils fit the contract's shape and none has left school", () =>
      ctx.withAdapter(async (adapter, built) => {
        const page = await adapter.listStudents!();
        check(Array.isArray(page?.items), `listStudents() gave ${preview(page)}; expected { items: Student[], next? }`);
        const now = today(built.clock);
        for (const [i, pupil] of page.items.entries()) {
          const s = expectShape(studentShape, pupil, `listStudents item ${i}`);
          const left = s.enrolment.to;
          if (left !== undefined && left < now) {
            fail(`listStudents lists pupil ${s.id}, whose enrolment ended on ${left} (today is ${now}); departed pupils are left out`);
          }
        }
      }));

    t.it('getStudent: returns the pupil asked for, in the contract\'s shape', () =>
      ctx.withAdapter(async (adapter) => {
        for (const id of await ctx.studentIds()) {
          const pupil = expectShape(studentShape, await adapter.getStudent!(id), `getStudent(${preview(id)})`);
          check(pupil.id === id, `getStudent(${preview(id)}) returned pupil ${preview(pupil.id)}`);
        }
      }));

    unknownIdIsNotFound(t, ctx, 'getStudent', (a, id) => a.getStudent!(id));

    datesAreIso(t, ctx, 'getStudent', (a) => samplePupils(ctx, a));
    secretsFlagged(t, ctx, 'getStudent', (a) => samplePupils(ctx, a));
    secretsFlagged(t, ctx, 'listStudents', async (a) => (await a.listStudents!()).items);
  });
}
