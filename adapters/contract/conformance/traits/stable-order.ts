/**
 * Trait: lists of dated records come in one stable order, by date then id, so pages and downloads
 * agree between two views. The two calls go to two fresh adapters, so a cache cannot hide a
 * nondeterministic SIS query.
 */
import type { SisAdapter } from '../../index.ts';
import { compareByDateThenId, fail, notChecked } from '../checks.ts';
import type { BuiltAdapter, SuiteContext } from '../context.ts';
import type { TestFramework } from '../types.ts';

interface Dated {
  id: string;
  date: string;
}

const ids = (items: Dated[]) => items.map((i) => `${i.date}/${i.id}`).join(', ');

export function stableOrder(
  t: TestFramework,
  ctx: SuiteContext,
  method: string,
  list: (adapter: SisAdapter, studentId: string, built: BuiltAdapter) => Promise<Dated[]>,
): void {
  t.it(`${method}: two calls give the same order, sorted by date then id`, async () => {
    let seen = 0;
    for (const studentId of await ctx.studentIds()) {
      const first = await ctx.withAdapter((a, built) => list(a, studentId, built));
      const second = await ctx.withAdapter((a, built) => list(a, studentId, built));
      seen += first.length;
      if (ids(first) !== ids(second)) {
        fail(`for pupil ${studentId} two calls disagree:\n  first:  ${ids(first)}\n  second: ${ids(second)}`);
      }
      for (let i = 1; i < first.length; i++) {
        const [a, b] = [first[i - 1]!, first[i]!];
        if (compareByDateThenId(a, b) >= 0) {
          fail(`for pupil ${studentId} item ${i} (${b.date}/${b.id}) comes after ${a.date}/${a.id}; expected ascending by date, then id, no id twice`);
        }
      }
    }
    if (seen === 0) notChecked(`${method} gave nothing for the sample pupils, so order cannot be judged; pass fixtures with pupils that have data`);
  });
}
