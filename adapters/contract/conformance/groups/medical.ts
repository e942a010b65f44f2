/**
 * Capability 'medical': a pupil's medical card. Every entry carries the SIS's secret flag, ids are
 * unique on the card, and a pupil with nothing recorded has a card with empty lists.
 */
import type { MedicalCard, SisAdapter } from '../../index.ts';
import { check, preview } from '../checks.ts';
import type { SuiteContext } from '../context.ts';
import { expectShape, medicalCardShape } from '../shapes.ts';
import { unknownIdIsNotFound } from '../traits/not-found.ts';
import type { TestFramework } from '../types.ts';

const LISTS = ['medication', 'allergies', 'diet', 'careContacts', 'remarks'] as const;

async function cardOf(adapter: SisAdapter, studentId: string): Promise<MedicalCard> {
  return expectShape(medicalCardShape, await adapter.getMedicalCard!(studentId), `getMedicalCard(${preview(studentId)})`);
}

export function medicalGroup(t: TestFramework, ctx: SuiteContext): void {
  t.describe('capability medical', () => {
    t.it("getMedicalCard: the card fits the contract's shape, belongs to the pupil, and no id appears twice on it", () =>
      ctx.withAdapter(async (adapter) => {
        for (const studentId of await ctx.studentIds()) {
          const card = await cardOf(adapter, studentId);
          check(card.studentId === studentId, `getMedicalCard(${preview(studentId)}) returned the card of ${card.studentId}`);
          const ids = LISTS.flatMap((list) => card[list].map((e) => e.id));
          check(new Set(ids).size === ids.length, `getMedicalCard(${preview(studentId)}) has an id twice: ${preview(ids)}`);
        }
      }));

    t.it('getMedicalCard: two calls give the same card', async () => {
      for (const studentId of await ctx.studentIds()) {
        const first = await ctx.withAdapter((a) => cardOf(a, studentId));
        const second = await ctx.withAdapter((a) => cardOf(a, studentId));
        check(JSON.stringify(first) === JSON.stringify(second), `getMedicalCard(${preview(studentId)}) differs between two calls`);
      }
    });

    unknownIdIsNotFound(t, ctx, 'getMedicalCard', (a, id) => a.getMedicalCard!(id));
  });
}
