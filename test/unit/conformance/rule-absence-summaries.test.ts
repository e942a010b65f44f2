/**
 * Absence summaries (totals over a period, for sources without dated records): a conformant form of
 * the absences capability, held to the same range, order and date rules, and never counted twice.
 */
import { expect } from 'chai';
import type { AbsenceSummary, AdapterDeps } from '../../../adapters/contract/index.ts';
import { addDays, today } from '../../../adapters/contract/conformance/checks.ts';
import { expectFailures, failures, runInProcess, T } from './run-in-process.ts';
import { records, variant } from './variants.ts';

type Range = { from: string; to: string };

/** One summary per pupil over the 200 days before today (by the adapter's clock). */
function summaryOf(deps: AdapterDeps, studentId: string, patch: Partial<AbsenceSummary> = {}): AbsenceSummary {
  const to = addDays(today(deps.clock), -1);
  return {
    kind: 'summary',
    id: `sum-${studentId}`,
    studentId,
    period: { from: addDays(to, -199), to },
    totals: [{ category: 'authorised', unit: 'dayParts', count: 6 }, { category: 'unauthorised', unit: 'times', count: 1 }],
    ...patch,
  };
}

const overlaps = (a: Range, b: Range) => a.from <= b.to && b.from <= a.to;

/** The complete fixture adapter with its dated absences replaced by summaries. */
function summarising(patch: (deps: AdapterDeps) => Partial<AbsenceSummary> = () => ({}), keepRecords = false) {
  return variant((good, deps) => ({
    listAbsences: async (id: string, range: Range) => {
      // Asked even when dropped: it rejects unknown and departed pupils as the contract wants.
      const dated = records(await good.listAbsences!(id, range));
      const summary = summaryOf(deps, id, patch(deps));
      return [...(keepRecords ? dated : []), ...(overlaps(summary.period, range) ? [summary] : [])];
    },
  }));
}

describe('conformance rule: absence summaries', () => {
  it('an adapter that answers with period summaries only passes every rule', async () => {
    const { outcomes } = await runInProcess({ module: summarising(), config: {} });
    expect(failures(outcomes)).to.deep.equal({});
    expect(outcomes.get(T.absences)?.passed).to.equal(true);
    expect(outcomes.get(T.absenceRange)?.passed).to.equal(true);
  });

  it('fails a summary with no totals, a (category, unit) twice, or a fractional day-part count', async () => {
    const empty = await runInProcess({ module: summarising(() => ({ totals: [] })), config: {} });
    expect(empty.outcomes.get(T.absences)?.reason).to.match(/item 0 does not fit the contract:\n {2}- totals: a summary has at least one total/);
    const twice = await runInProcess({
      module: summarising(() => ({ totals: [{ category: 'late', unit: 'times', count: 1 }, { category: 'late', unit: 'times', count: 2 }] })),
      config: {},
    });
    expect(twice.outcomes.get(T.absences)?.reason).to.match(/- totals: each \(category, unit\) appears once/);
    const fraction = await runInProcess({ module: summarising(() => ({ totals: [{ category: 'authorised', unit: 'dayParts', count: 1.5 }] })), config: {} });
    expect(fraction.outcomes.get(T.absences)?.reason).to.match(/- totals\[0\]\.count: day parts and times are whole numbers/);
  });

  it('fails a period that ends before it starts, and a period date that does not exist', async () => {
    const backwards = await runInProcess({ module: summarising(() => ({ period: { from: '2026-03-01', to: '2026-02-01' } })), config: {} });
    expect(backwards.outcomes.get(T.absences)?.reason).to.match(/- period\.to: the period ends on or after the day it starts/);
    const unreal = await runInProcess({
      module: summarising((deps) => ({ period: { from: '2025-02-30', to: addDays(today(deps.clock), -1) } })),
      config: {},
    });
    expect(unreal.outcomes.get(T.dates('listAbsences'))?.reason).to.match(/period\.from = "2025-02-30" is not a real ISO date/);
  });

  it('fails a summary whose period does not touch the requested range', async () => {
    const module = variant((_good, deps) => ({ listAbsences: async (id: string) => [summaryOf(deps, id)] }));
    const { outcomes } = await runInProcess({ module, config: {}, fixtures: { absenceRange: { from: '2000-01-01', to: '2000-12-31' } } });
    expect(outcomes.get(T.absences)?.reason).to.match(/^summary sum-st-\d over \d{4}-\d{2}-\d{2} … \d{4}-\d{2}-\d{2} lies outside the requested 2000-01-01 … 2000-12-31$/);
  });

  it('fails dated records inside a summary\'s period: a parent would count those days twice', async () => {
    const { outcomes } = await runInProcess({ module: summarising(() => ({}), true), config: {} });
    expectFailures(outcomes, {
      [T.absences]: /^for pupil st-1 absence ab-\d+ on \d{4}-\d{2}-\d{2} falls inside summary sum-st-1 over .*; a summary stands for the whole period, so the day would count twice$/,
    });
  });
});
