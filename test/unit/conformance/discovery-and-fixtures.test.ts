import { expect } from 'chai';
import { z } from 'zod';
import { notFound, type AdapterModule, type Absence } from '../../../adapters/contract/index.ts';
import { failures, runInProcess } from './run-in-process.ts';

const ABSENCE: Absence = {
  id: 'a1', studentId: 's1', date: '2025-10-01', dayPart: 'morning', reason: { code: 'ZK', text: 'Ziek' }, authorised: true, late: false,
};

/** An absences-only source (as in a stack next to ParnasSys): it cannot list pupils. */
const absencesOnly = absencesOn(ABSENCE.date);

function absencesOn(date: string): AdapterModule<Record<string, never>> {
  const absence = { ...ABSENCE, date };
  return {
  name: 'absences-only',
  version: '0.1.0',
  capabilities: ['absences'],
  configSchema: z.strictObject({}),
  create: () => ({
    name: 'absences-only',
    version: '0.1.0',
    capabilities: new Set(['absences'] as const),
    healthCheck: async () => ({ ok: true, latencyMs: 0 }),
    listAbsences: async (studentId, { from, to }) => {
      if (studentId !== 's1') throw notFound(`pupil ${studentId}`);
      return absence.date >= from && absence.date <= to ? [absence] : [];
    },
  }),
  };
}

describe('conformance suite: sample discovery and fixtures', () => {
  it('passes an adapter that cannot list once fixtures name its pupils and a range', async () => {
    const { outcomes } = await runInProcess({
      module: absencesOnly, config: {},
      fixtures: { studentIds: ['s1'], absenceRange: { from: '2025-08-01', to: '2026-07-31' } },
    });
    expect(failures(outcomes)).to.deep.equal({});
    expect(outcomes.size).to.equal(12);
  });

  it('widens the default absence range when the usual two school years hold no data', async () => {
    const year = new Date().getFullYear();
    const old = await runInProcess({ module: absencesOn(`${year - 6}-10-01`), config: {}, fixtures: { studentIds: ['s1'] } });
    expect(failures(old.outcomes)).to.deep.equal({});
    const ancient = await runInProcess({ module: absencesOn(`${year - 30}-10-01`), config: {}, fixtures: { studentIds: ['s1'] } });
    expect(failures(ancient.outcomes)).to.deep.equal({});
    expect(ancient.notChecked.get('listAbsences: both ends of the range are included, nothing outside it'))
      .to.match(/^no sample pupil has absences in \d{4}-08-01 … \d{4}-07-31, so the range cannot be checked; pass fixtures/);
  });

  it('says which fixture is missing when it cannot find pupils itself', async () => {
    const { outcomes } = await runInProcess({ module: absencesOnly, config: {} });
    const reasons = Object.values(failures(outcomes));
    expect(reasons).to.include("the adapter offers neither 'students' nor 'guardians' to find pupils with: pass fixtures.studentIds");
  });

  it('says so when listing gives no pupils at all', async () => {
    const empty: AdapterModule<Record<string, never>> = {
      ...absencesOnly,
      capabilities: ['students'],
      create: () => ({
        name: 'empty', version: '0.1.0', capabilities: new Set(['students'] as const),
        healthCheck: async () => ({ ok: true, latencyMs: 0 }),
        listStudents: async () => ({ items: [] }),
        getStudent: async (id: string) => { throw notFound(id); },
      }),
    };
    const { outcomes } = await runInProcess({ module: empty, config: {} });
    expect(Object.values(failures(outcomes))).to.include('listStudents gave no pupils; the suite needs at least one to read (or pass fixtures.studentIds)');
  });

  it('gives every test a fresh adapter from the factory', async () => {
    let built = 0;
    const counting = { ...absencesOnly, create: (c: Record<string, never>, d: Parameters<typeof absencesOnly.create>[1]) => (built++, absencesOnly.create(c, d)) };
    const { outcomes } = await runInProcess({ module: counting, config: {}, fixtures: { studentIds: ['s1'], absenceRange: { from: '2025-08-01', to: '2026-07-31' } } });
    // One probe while registering; none for the two tests that only inspect the module and its
    // config; one for every other test, and a second for the stable-order test's second call.
    expect(outcomes.size).to.equal(12);
    expect(built).to.equal(1 + (12 - 2) + 1);
  });
});
