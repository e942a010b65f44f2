/** Trait: every method that takes an id answers an unknown id with SIS_NOT_FOUND (recognised by code). */
import type { SisAdapter } from '../../index.ts';
import { expectNotFound, preview } from '../checks.ts';
import type { BuiltAdapter, SuiteContext } from '../context.ts';
import type { TestFramework } from '../types.ts';

export function unknownIdIsNotFound(
  t: TestFramework,
  ctx: SuiteContext,
  method: string,
  call: (adapter: SisAdapter, unknownId: string, built: BuiltAdapter) => Promise<unknown>,
): void {
  t.it(`${method}: an unknown id rejects with code SIS_NOT_FOUND`, () =>
    ctx.withAdapter((adapter, built) =>
      expectNotFound(`${method}(${preview(ctx.unknownId)})`, () => call(adapter, ctx.unknownId, built))));
}
