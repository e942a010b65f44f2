/**
 * Trait: paging with an opaque cursor terminates. Following `next` until it is absent ends within
 * the page limit, no cursor comes back, and no id appears twice across pages (provisioning would
 * otherwise invite a parent twice or loop forever).
 */
import type { Page, SisAdapter } from '../../index.ts';
import { fail, preview } from '../checks.ts';
import type { SuiteContext } from '../context.ts';
import { expectShape, pageShape } from '../shapes.ts';
import type { TestFramework } from '../types.ts';

export function pagingTerminates(
  t: TestFramework,
  ctx: SuiteContext,
  method: string,
  list: (adapter: SisAdapter, cursor?: string) => Promise<Page<{ id: string }>>,
): void {
  t.it(`${method}: paging follows \`next\` to an end, no cursor repeats, no id twice`, () =>
    ctx.withAdapter(async (adapter) => {
      const firstSeen = new Map<string, number>();
      const cursors = new Set<string>();
      let cursor: string | undefined;
      for (let page = 1; ; page++) {
        if (page > ctx.maxPages) fail(`still a \`next\` after ${ctx.maxPages} pages (last cursor ${preview(cursor)}); paging must end`);
        const result = expectShape(pageShape, await list(adapter, cursor), `${method} page ${page}`);
        for (const [i, item] of result.items.entries()) {
          const id = (item as { id?: unknown } | null)?.id;
          if (typeof id !== 'string') fail(`${method} page ${page} item ${i} has no string id (got ${preview(id)})`);
          const earlier = firstSeen.get(id);
          if (earlier !== undefined) fail(`id ${preview(id)} appears on page ${earlier} and again on page ${page}`);
          firstSeen.set(id, page);
        }
        if (result.next === undefined) return;
        if (cursors.has(result.next)) fail(`cursor ${preview(result.next)} came back on page ${page}: paging loops`);
        cursors.add(result.next);
        cursor = result.next;
      }
    }));
}
