import { expect } from 'chai';
import type { AbsenceRecord, Capability, TestResult } from '../../../adapters/contract/index.ts';
import { expectFailures, runInProcess, T } from './run-in-process.ts';
import { records, variant } from './variants.ts';

type Range = { from: string; to: string };

describe('conformance rule: absences in an inclusive range', () => {
  it('fails absences outside the requested range', async () => {
    const module = variant((good) => ({
      listAbsences: async (id: string) => good.listAbsences!(id, { from: '2000-01-01', to: '2100-01-01' }),
    }));
    const { outcomes } = await runInProcess({ module, config: {}, fixtures: { absenceRange: { from: '2000-01-01', to: '2000-12-31' } } });
    expect(outcomes.get(T.absences)?.reason).to.match(/^absence ab-\d+ on \d{4}-\d{2}-\d{2} lies outside the requested 2000-01-01 … 2000-12-31$/);
  });

  it('fails a range whose end is exclusive', async () => {
    const module = variant((good) => ({
      listAbsences: async (id: string, range: Range) =>
        records(await good.listAbsences!(id, range)).filter((a: AbsenceRecord) => a.date < range.to),
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expectFailures(outcomes, { [T.absenceRange]: /gave \[\]; the wide range has \[ab-\d+.*\] on that day \(both ends are inclusive\)/ });
  });

  it("fails another pupil's absences", async () => {
    const module = variant((good) => ({
      listAbsences: async (id: string, range: Range) => good.listAbsences!(id === 'st-2' ? 'st-1' : id, range),
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expect(outcomes.get(T.absences)?.reason).to.match(/^listAbsences\("st-2"\) returned absence ab-\d+ on \d{4}-\d{2}-\d{2} of pupil st-1$/);
  });

  it('fails absence flags that are not boolean', async () => {
    const module = variant((good) => ({
      listAbsences: async (id: string, range: Range) =>
        records(await good.listAbsences!(id, range)).map((a: AbsenceRecord) => ({ ...a, authorised: 'ja' })),
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expect(outcomes.get(T.absences)?.reason).to.match(/item 0 does not fit the contract:\n {2}- authorised: /);
  });
});

describe('conformance rule: results of the declared kinds', () => {
  const only = (caps: Capability[]) => ({ capabilities: caps });

  it('fails LVS results from an adapter that only declares results.method', async () => {
    const caps: Capability[] = ['students', 'guardians', 'absences', 'results.method', 'changes.submit', 'reports', 'medical'];
    const module = variant(() => ({ capabilities: new Set(caps), reportAbsence: undefined }), only(caps));
    const { outcomes } = await runInProcess({ module, config: {} });
    expectFailures(outcomes, { [T.results]: /result rs-\d+ is of kind 'lvs', which capabilities .* do not cover \(allowed: method\)/ });
  });

  it('fails a school year that does not match the date', async () => {
    const module = variant((good) => ({
      listResults: async (id: string, options?: { schoolYear?: string }) =>
        (await good.listResults!(id, options)).map((r: TestResult) => ({ ...r, schoolYear: '2001-2002' })),
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expect(outcomes.get(T.results)?.reason).to.match(/says school year 2001-2002; that date falls in \d{4}-\d{4} \(1 August – 31 July\)/);
  });

  it('fails a schoolYear option that is ignored', async () => {
    const module = variant((good) => ({ listResults: async (id: string) => good.listResults!(id) }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expectFailures(outcomes, { [T.resultsYear]: /\{ schoolYear: '\d{4}-\d{4}' \}\) gave \[.*\]; the full list has \[.*\] in that year/ });
  });

  it('fails results without a referenceScores array', async () => {
    const module = variant((good) => ({
      listResults: async (id: string, options?: { schoolYear?: string }) =>
        (await good.listResults!(id, options)).map(({ referenceScores: _dropped, ...r }: TestResult) => r),
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expect(outcomes.get(T.results)?.reason).to.match(/- referenceScores: /);
  });
});

describe('conformance rule: submitChange is idempotent', () => {
  it('fails a second write for the same key', async () => {
    let n = 0;
    const module = variant(() => ({ submitChange: async () => ({ reference: `R${++n}` }) }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expect(outcomes.get(T.submit)?.reason).to.match(/the same idempotencyKey gave reference "R\d+", then "R\d+"; a retry must not write twice/);
  });

  it('fails one reference for different keys', async () => {
    const module = variant((good) => ({
      submitChange: async (change: Parameters<NonNullable<typeof good.submitChange>>[0]) => {
        await good.submitChange!(change, { idempotencyKey: 'fixed' });
        return { reference: 'SAME' };
      },
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expectFailures(outcomes, { [T.submit]: /two different idempotency keys both gave reference "SAME"/ });
  });

  it('uses fixtures.change when given', async () => {
    const seen: unknown[] = [];
    const module = variant((good) => ({
      submitChange: async (change: Parameters<NonNullable<typeof good.submitChange>>[0], options: { idempotencyKey: string }) => {
        seen.push(change);
        return good.submitChange!(change, options);
      },
    }));
    const change = { studentId: 'st-2', guardianId: 'gd-3', fields: [{ field: 'phone', new: '0201111111' }], submittedAt: '2026-01-05T09:00:00Z' };
    await runInProcess({ module, config: {}, fixtures: { change } });
    expect(seen[0]).to.deep.equal(change);
  });
});
