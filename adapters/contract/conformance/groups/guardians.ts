/** Capability 'guardians': guardians with their child links, for provisioning accounts. */
import type { Guardian, SisAdapter } from '../../index.ts';
import { check, fail, notChecked, preview } from '../checks.ts';
import type { SuiteContext } from '../context.ts';
import { expectShape, guardianShape } from '../shapes.ts';
import { datesAreIso } from '../traits/iso-dates.ts';
import { unknownIdIsNotFound } from '../traits/not-found.ts';
import { pagingTerminates } from '../traits/paging.ts';
import { secretsFlagged } from '../traits/secret-flags.ts';
import type { TestFramework } from '../types.ts';

async function sampleGuardians(ctx: SuiteContext, adapter: SisAdapter): Promise<Guardian[]> {
  const guardians: Guardian[] = [];
  for (const id of await ctx.guardianIds()) guardians.push(await adapter.getGuardian!(id));
  return guardians;
}

export function guardiansGroup(t: TestFramework, ctx: SuiteContext): void {
  t.describe("capability 'guardians'", () => {
    pagingTerminates(t, ctx, 'listGuardians', (a, cursor) => a.listGuardians!(cursor));

    t.it("listGuardians: guardians fit the contract's shape, child links with relation, gezag and livesWith", () =>
      ctx.withAdapter(async (adapter) => {
        const page = await adapter.listGuardians!();
        check(Array.isArray(page?.items), `listGuardians() gave ${preview(page)}; expected { items: Guardian[], next? }`);
        page.items.forEach((g, i) => expectShape(guardianShape, g, `listGuardians item ${i}`));
      }));

    t.it('getGuardian: returns the guardian asked for, in the contract\'s shape', () =>
      ctx.withAdapter(async (adapter) => {
        for (const id of await ctx.guardianIds()) {
          const guardian = expectShape(guardianShape, await adapter.getGuardian!(id), `getGuardian(${preview(id)})`);
          check(guardian.id === id, `getGuardian(${preview(id)}) returned guardian ${preview(guardian.id)}`);
        }
      }));

    t.it('listGuardiansOfStudent: gives exactly the guardians linked to that pupil', () =>
      ctx.withAdapter(async (adapter) => {
        let checked = 0;
        for (const guardian of await sampleGuardians(ctx, adapter)) {
          for (const link of guardian.children) {
            const found = await adapter.listGuardiansOfStudent!(link.studentId);
            check(Array.isArray(found), `listGuardiansOfStudent(${preview(link.studentId)}) gave ${preview(found)}; expected an array`);
            found.forEach((g, i) => expectShape(guardianShape, g, `listGuardiansOfStudent(${preview(link.studentId)}) item ${i}`));
            check(found.some((g) => g.id === guardian.id),
              `guardian ${guardian.id} links to pupil ${link.studentId}, but listGuardiansOfStudent(${preview(link.studentId)}) leaves them out`);
            const stranger = found.find((g) => !g.children.some((l) => l.studentId === link.studentId));
            check(!stranger, `listGuardiansOfStudent(${preview(link.studentId)}) includes guardian ${stranger?.id}, who has no link to that pupil`);
            checked++;
          }
        }
        if (checked === 0) notChecked('the sample guardians have no child links, so listGuardiansOfStudent cannot be checked; pass fixtures.guardianIds');
      }));

    if (ctx.has('students')) {
      t.it("every child link names a pupil getStudent resolves", () =>
        ctx.withAdapter(async (adapter) => {
          for (const guardian of await sampleGuardians(ctx, adapter)) {
            for (const link of guardian.children) {
              try {
                await adapter.getStudent!(link.studentId);
              } catch (err) {
                fail(`guardian ${guardian.id} links to pupil ${link.studentId}, which getStudent cannot read (${(err as Error)?.message}); student ids must agree`);
              }
            }
          }
        }));
    }

    unknownIdIsNotFound(t, ctx, 'getGuardian', (a, id) => a.getGuardian!(id));
    unknownIdIsNotFound(t, ctx, 'listGuardiansOfStudent', (a, id) => a.listGuardiansOfStudent!(id));
    datesAreIso(t, ctx, 'getGuardian', (a) => sampleGuardians(ctx, a));
    secretsFlagged(t, ctx, 'getGuardian', (a) => sampleGuardians(ctx, a));
    secretsFlagged(t, ctx, 'listGuardians', async (a) => (await a.listGuardians!()).items);
  });
}
