/** Capability 'absences': a pupil's absences within an inclusive range of local dates. */
import type { Absence, SisAdapter } from '../../index.ts';
import { addDays, check, fail, preview } from '../checks.ts';
import type { SuiteContext } from '../context.ts';
import { absenceShape, expectShape } from '../shapes.ts';
import { datesAreIso } from '../traits/iso-dates.ts';
import { unknownIdIsNotFound } from '../traits/not-found.ts';
import { stableOrder } from '../traits/stable-order.ts';
import type { TestFramework } from '../types.ts';

type Range = { from: string; to: string };

async function absencesOf(adapter: SisAdapter, studentId: string, range: Range): Promise<Absence[]> {
  const list = await adapter.listAbsences!(studentId, range);
  check(Array.isArray(list), `listAbsences(${preview(studentId)}, ${preview(range)}) gave ${preview(list)}; expected an array`);
  return list;
}

const idsOf = (list: Absence[]) => list.map((a) => a.id).join(', ');

export function absencesGroup(t: TestFramework, ctx: SuiteContext): void {
  t.describe("capability 'absences'", () => {
    t.it("listAbsences: the pupil's absences, in the contract's shape, all within the requested range", () =>
      ctx.withAdapter(async (adapter, built) => {
        const range = await ctx.absenceRange(adapter, built.clock);
        for (const studentId of await ctx.studentIds()) {
          for (const [i, item] of (await absencesOf(adapter, studentId, range)).entries()) {
            const a = expectShape(absenceShape, item, `listAbsences(${preview(studentId)}) item ${i}`);
            check(a.studentId === studentId, `listAbsences(${preview(studentId)}) returned absence ${a.id} of pupil ${a.studentId}`);
            check(a.date >= range.from && a.date <= range.to, `absence ${a.id} on ${a.date} lies outside the requested ${range.from} … ${range.to}`);
          }
        }
      }));

    t.it('listAbsences: both ends of the range are included, nothing outside it', () =>
      ctx.withAdapter(async (adapter, built) => {
        const range = await ctx.absenceRange(adapter, built.clock);
        for (const studentId of await ctx.studentIds()) {
          const all = await absencesOf(adapter, studentId, range);
          const pick = all[Math.floor(all.length / 2)];
          if (!pick) continue;
          const day = pick.date;
          const expected = all.filter((a) => a.date === day);
          const oneDay = await absencesOf(adapter, studentId, { from: day, to: day });
          check(idsOf(oneDay) === idsOf(expected),
            `listAbsences(${preview(studentId)}, ${day} … ${day}) gave [${idsOf(oneDay)}]; the wide range has [${idsOf(expected)}] on that day (both ends are inclusive)`);
          const after = await absencesOf(adapter, studentId, { from: addDays(day, 1), to: range.to });
          const early = after.find((a) => a.date <= day);
          check(!early, `listAbsences from ${addDays(day, 1)} included absence ${early?.id} on ${early?.date}`);
          const before = await absencesOf(adapter, studentId, { from: range.from, to: addDays(day, -1) });
          const late = before.find((a) => a.date >= day);
          check(!late, `listAbsences up to ${addDays(day, -1)} included absence ${late?.id} on ${late?.date}`);
          return;
        }
        fail(`no sample pupil has absences in ${range.from} … ${range.to}, so the range cannot be checked; pass fixtures.studentIds or fixtures.absenceRange`);
      }));

    stableOrder(t, ctx, 'listAbsences', async (a, id, built) => absencesOf(a, id, await ctx.absenceRange(a, built.clock)));
    unknownIdIsNotFound(t, ctx, 'listAbsences', async (a, id, built) => a.listAbsences!(id, await ctx.absenceRange(a, built.clock)));
    datesAreIso(t, ctx, 'listAbsences', async (a, built) => {
      const all: Absence[] = [];
      const range = await ctx.absenceRange(a, built.clock);
      for (const id of await ctx.studentIds()) all.push(...await absencesOf(a, id, range));
      return all;
    });
  });
}
