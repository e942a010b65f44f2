/**
 * Capability 'absences': a pupil's absences within an inclusive range of local dates. An answer
 * holds dated records, or — from a source that keeps only totals — summaries of periods; a record
 * covers its one day, a summary its whole period, and an item belongs to a range it overlaps.
 */
import type { Absence, SisAdapter } from '../../index.ts';
import { addDays, check, notChecked, preview } from '../checks.ts';
import type { SuiteContext } from '../context.ts';
import { absenceShape, absenceSummaryShape, expectShape } from '../shapes.ts';
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

/** The days an item covers: a record its date, a summary its period. */
function spanOf(a: Absence): Range {
  return a.kind === 'summary' ? a.period : { from: a.date, to: a.date };
}

/** Where an item takes its place in the order: a record's date, a summary's last day (tolerating a malformed item, which the shape rule reports). */
function orderDateOf(a: Absence): string {
  return a.kind === 'summary' ? String((a.period as Range | undefined)?.to) : a.date;
}

const overlaps = (a: Range, b: Range) => a.from <= b.to && b.from <= a.to;
const idsOf = (list: Absence[]) => list.map((a) => a.id).join(', ');
const labelOf = (a: Absence) => (a.kind === 'summary' ? `summary ${a.id} over ${a.period.from} … ${a.period.to}` : `absence ${a.id} on ${a.date}`);

function checkItem(item: unknown, label: string, studentId: string, range: Range): Absence {
  const kind = (item as { kind?: unknown } | null)?.kind;
  const a: Absence = kind === 'summary' ? expectShape(absenceSummaryShape, item, label) : expectShape(absenceShape, item, label);
  check(a.studentId === studentId, `listAbsences(${preview(studentId)}) returned ${labelOf(a)} of pupil ${a.studentId}`);
  check(overlaps(spanOf(a), range), `${labelOf(a)} lies outside the requested ${range.from} … ${range.to}`);
  return a;
}

/** A parent would count a day twice: no record inside a summary's period, no two summaries over one day. */
function checkNoDoubleCounting(list: Absence[], studentId: string): void {
  const summaries = list.filter((a) => a.kind === 'summary');
  for (const [i, summary] of summaries.entries()) {
    const inside = list.find((a) => a.kind !== 'summary' && overlaps(spanOf(a), summary.period));
    check(!inside, `for pupil ${studentId} ${labelOf(inside ?? summary)} falls inside ${labelOf(summary)}; a summary stands for the whole period, so the day would count twice`);
    const other = summaries.slice(i + 1).find((s) => overlaps(s.period, summary.period));
    check(!other, `for pupil ${studentId} ${labelOf(summary)} and ${labelOf(other ?? summary)} overlap; a day would count twice`);
  }
}

export function absencesGroup(t: TestFramework, ctx: SuiteContext): void {
  t.describe("capability 'absences'", () => {
    t.it("listAbsences: the pupil's absences (records or period summaries), in the contract's shape, within the requested range", () =>
      ctx.withAdapter(async (adapter, built) => {
        const range = await ctx.absenceRange(adapter, built.clock);
        for (const studentId of await ctx.studentIds()) {
          const list = (await absencesOf(adapter, studentId, range))
            .map((item, i) => checkItem(item, `listAbsences(${preview(studentId)}) item ${i}`, studentId, range));
          checkNoDoubleCounting(list, studentId);
        }
      }));

    t.it('listAbsences: both ends of the range are included, nothing outside it', () =>
      ctx.withAdapter(async (adapter, built) => {
        const range = await ctx.absenceRange(adapter, built.clock);
        for (const studentId of await ctx.studentIds()) {
          const all = await absencesOf(adapter, studentId, range);
          const pick = all[Math.floor(all.length / 2)];
          if (!pick) continue;
          const day = orderDateOf(pick);
          const expected = all.filter((a) => overlaps(spanOf(a), { from: day, to: day }));
          const oneDay = await absencesOf(adapter, studentId, { from: day, to: day });
          check(idsOf(oneDay) === idsOf(expected),
            `listAbsences(${preview(studentId)}, ${day} … ${day}) gave [${idsOf(oneDay)}]; the wide range has [${idsOf(expected)}] on that day (both ends are inclusive)`);
          const after = await absencesOf(adapter, studentId, { from: addDays(day, 1), to: range.to });
          const early = after.find((a) => spanOf(a).to <= day);
          check(!early, `listAbsences from ${addDays(day, 1)} included ${early ? labelOf(early) : ''}`);
          const before = await absencesOf(adapter, studentId, { from: range.from, to: addDays(day, -1) });
          const late = before.find((a) => spanOf(a).from >= day);
          check(!late, `listAbsences up to ${addDays(day, -1)} included ${late ? labelOf(late) : ''}`);
          return;
        }
        notChecked(`no sample pupil has absences in ${range.from} … ${range.to}, so the range cannot be checked; pass fixtures.studentIds or fixtures.absenceRange`);
      }));

    // A summary takes its place in the order by the last day of its period.
    stableOrder(t, ctx, 'listAbsences', async (a, id, built) =>
      (await absencesOf(a, id, await ctx.absenceRange(a, built.clock))).map((item) => ({ id: item.id, date: orderDateOf(item) })));
    unknownIdIsNotFound(t, ctx, 'listAbsences', async (a, id, built) => a.listAbsences!(id, await ctx.absenceRange(a, built.clock)));
    datesAreIso(t, ctx, 'listAbsences', async (a, built) => {
      const all: Absence[] = [];
      const range = await ctx.absenceRange(a, built.clock);
      for (const id of await ctx.studentIds()) all.push(...await absencesOf(a, id, range));
      return all;
    });
  });
}
