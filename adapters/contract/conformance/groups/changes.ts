/**
 * Capability 'changes.submit': writing a correction to the SIS, exactly once per idempotency key.
 * Against a real SIS this writes: run it on an acceptance environment, or pass fixtures.change.
 */
import { randomUUID } from 'node:crypto';
import type { ChangeProposal, Clock, SisAdapter } from '../../index.ts';
import { check, fail, preview } from '../checks.ts';
import type { SuiteContext } from '../context.ts';
import { unknownIdIsNotFound } from '../traits/not-found.ts';
import type { TestFramework } from '../types.ts';

async function guardianOf(ctx: SuiteContext, adapter: SisAdapter, studentId: string): Promise<string> {
  if (ctx.has('guardians')) {
    const [first] = await adapter.listGuardiansOfStudent!(studentId);
    if (first) return first.id;
  }
  const [fromFixtures] = ctx.fixtures.guardianIds ?? [];
  if (fromFixtures) return fromFixtures;
  fail(`no guardian found for pupil ${studentId} to sign the change; pass fixtures.guardianIds or fixtures.change`);
}

/** fixtures.change, else an e-mail correction for the first sample pupil; `studentId` overrides the pupil. */
async function proposal(ctx: SuiteContext, adapter: SisAdapter, clock: Clock, studentId?: string): Promise<ChangeProposal> {
  const fixed = ctx.fixtures.change;
  if (fixed) return studentId === undefined ? fixed : { ...fixed, studentId };
  const sample = (await ctx.studentIds())[0]!;
  return {
    studentId: studentId ?? sample,
    guardianId: await guardianOf(ctx, adapter, sample),
    fields: [{ field: 'email', new: 'conformance-check@example.org' }],
    note: 'Ouderpoort conformance check',
    submittedAt: clock.now().toISOString(),
  };
}

/** The `{ reference }` an SIS write resolves with; shared by every write capability. */
export const reference = (value: unknown, label: string): string => {
  const ref = (value as { reference?: unknown } | null)?.reference;
  check(typeof ref === 'string' && ref.length > 0, `${label} resolved with ${preview(value)}; expected { reference: non-empty string }`);
  return ref;
};

export function changesGroup(t: TestFramework, ctx: SuiteContext): void {
  t.describe("capability 'changes.submit'", () => {
    t.it('submitChange: the same idempotency key gives the same reference; another key another one', () =>
      ctx.withAdapter(async (adapter, built) => {
        const change = await proposal(ctx, adapter, built.clock);
        const key = `conformance-${randomUUID()}`;
        const first = reference(await adapter.submitChange!(change, { idempotencyKey: key }), 'submitChange');
        const again = reference(await adapter.submitChange!(change, { idempotencyKey: key }), 'submitChange (same key)');
        check(again === first, `the same idempotencyKey gave reference ${preview(first)}, then ${preview(again)}; a retry must not write twice`);
        const other = reference(await adapter.submitChange!(change, { idempotencyKey: `conformance-${randomUUID()}` }), 'submitChange (new key)');
        check(other !== first, `two different idempotency keys both gave reference ${preview(first)}; each accepted change has its own reference`);
      }));

    unknownIdIsNotFound(t, ctx, 'submitChange (unknown pupil)', async (a, id, built) =>
      a.submitChange!(await proposal(ctx, a, built.clock, id), { idempotencyKey: `conformance-${randomUUID()}` }));
  });
}
