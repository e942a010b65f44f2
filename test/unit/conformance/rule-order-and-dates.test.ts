import { expect } from 'chai';
import type { AbsenceRecord, TestResult } from '../../../adapters/contract/index.ts';
import { dateProblems } from '../../../adapters/contract/conformance/traits/iso-dates.ts';
import { expectFailures, runInProcess, T } from './run-in-process.ts';
import { records, variant } from './variants.ts';

describe('conformance rule: results and absences in one stable order', () => {
  it('fails absences newest first', async () => {
    const module = variant((good) => ({
      listAbsences: async (id: string, range: { from: string; to: string }) => (await good.listAbsences!(id, range)).reverse(),
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expectFailures(outcomes, { [T.order('listAbsences')]: /^for pupil st-1 item 1 \(.+\/ab-\d+\) comes after .+; expected ascending by date, then id/ });
  });

  it('fails same-day items ordered by something other than id', async () => {
    const module = variant((good) => ({
      listAbsences: async (id: string, range: { from: string; to: string }) =>
        records(await good.listAbsences!(id, range)).sort((a, b) => (a.date === b.date ? b.id.localeCompare(a.id) : a.date.localeCompare(b.date))),
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expect(outcomes.get(T.order('listAbsences'))?.reason).to.match(/ab-02\) comes after .+\/ab-03/);
  });

  it('fails an order that differs between two adapter instances', async () => {
    let instance = 0;
    const module = variant((good) => {
      const flip = instance++ % 2 === 1;
      return {
        listResults: async (id: string, options?: { schoolYear?: string }) => {
          const list: TestResult[] = await good.listResults!(id, options);
          return flip ? [list[1], list[0], ...list.slice(2)].filter((r) => r !== undefined) : list;
        },
      };
    });
    const { outcomes } = await runInProcess({ module, config: {} });
    expect(outcomes.get(T.order('listResults'))?.reason).to.match(/for pupil st-1 two calls disagree:\n {2}first: {2}.*\n {2}second: /);
  });

  it('says "not checked" (and does not fail) when no sample pupil has any data to order', async () => {
    const module = variant(() => ({ listAbsences: async (id: string) => (id.startsWith('st-') ? [] : Promise.reject(Object.assign(new Error('x'), { code: 'SIS_NOT_FOUND' }))) }));
    const { outcomes, notChecked } = await runInProcess({ module, config: {} });
    expect(outcomes.get(T.order('listAbsences'))?.passed).to.equal(true);
    expect(notChecked.get(T.order('listAbsences'))).to.match(/gave nothing for the sample pupils/);
    expect(notChecked.get(T.absenceRange)).to.match(/no sample pupil has absences/);
  });
});

describe('conformance rule: ISO dates and instants', () => {
  it('fails a date that does not exist', async () => {
    const module = variant((good) => ({
      getStudent: async (id: string) => ({ ...(await good.getStudent!(id)), birthDate: '2017-02-29' }),
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expectFailures(outcomes, { [T.dates('getStudent')]: /getStudent#0\.birthDate = "2017-02-29" is not a real ISO date/ });
  });

  it('fails a Dutch-style date and an instant where a date belongs', async () => {
    const module = variant((good) => ({
      listAbsences: async (id: string, range: { from: string; to: string }) =>
        records(await good.listAbsences!(id, range)).map((a: AbsenceRecord, i) => (i === 0 ? { ...a, date: `${a.date}T00:00:00Z` } : a)),
      listResults: async (id: string, options?: { schoolYear?: string }) =>
        (await good.listResults!(id, options)).map((r: TestResult) => ({ ...r, date: r.date.split('-').reverse().join('-') })),
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expect(outcomes.get(T.dates('listAbsences'))?.reason).to.match(/T00:00:00Z" is not a real ISO date/);
    expect(outcomes.get(T.dates('listResults'))?.reason).to.match(/listResults#0\.date = "\d{2}-\d{2}-\d{4}" is not a real ISO date/);
  });

  it('judges fields ending in At as instants with a zone', () => {
    expect(dateProblems({ submittedAt: '2026-03-01T10:00:00' }, 'x')).to.deep.equal([
      'x.submittedAt = "2026-03-01T10:00:00" is not a full ISO 8601 instant with a zone',
    ]);
    expect(dateProblems({ submittedAt: '2026-03-01T10:00:00.123+01:00', nested: [{ date: '2024-02-29' }] }, 'x')).to.deep.equal([]);
    expect(dateProblems({ enrolment: { from: '2024-13-01' } }, 'x')).to.deep.equal(['x.enrolment.from = "2024-13-01" is not a real ISO date (YYYY-MM-DD)']);
  });
});
