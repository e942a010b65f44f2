/** `--expect`: one test per pupil the school wrote down; each lists every difference from the adapter's data. */
import { fail, preview } from '../checks.ts';
import type { SuiteContext } from '../context.ts';
import { differences, type Expectations } from '../expect.ts';
import type { TestFramework } from '../types.ts';

export function expectedDataGroup(t: TestFramework, ctx: SuiteContext, expectations: Expectations): void {
  t.describe("the school's own data (--expect)", () => {
    for (const pupil of expectations.pupils) {
      t.it(`pupil ${preview(pupil.id)} is as the school's SIS shows it`, () =>
        ctx.withAdapter(async (adapter) => {
          const found = await differences(adapter, pupil);
          if (found.length > 0) fail(`${found.length} difference(s) for pupil ${preview(pupil.id)}:\n${found.map((d) => `  - ${d}`).join('\n')}`);
        }));
    }
  });
}
