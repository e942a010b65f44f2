import { expect } from 'chai';
import { createMockAdapter } from '../../../adapters/mock/index.ts';
import { buildView, isSchoolLoaded } from '../../../adapters/mock/data/school-view.ts';
import { generateSchool } from '../../../adapters/mock/data/school.ts';
import { DEFAULT_OPTIONS } from './support.ts';

describe('mock SIS: a deterministic school', () => {
  it('the same seed gives byte-identical data', () => {
    const a = JSON.stringify(generateSchool(DEFAULT_OPTIONS));
    const b = JSON.stringify(generateSchool({ ...DEFAULT_OPTIONS }));
    expect(a.length).to.be.greaterThan(100_000);
    expect(a === b, 'two generations of the same seed differ').to.equal(true);
  });

  it('a different seed gives a different school', () => {
    const a = generateSchool(DEFAULT_OPTIONS);
    const b = generateSchool({ ...DEFAULT_OPTIONS, seed: 7 });
    const names = (d: typeof a) => d.students.map((s) => `${s.name.given} ${s.name.family}`).join('|');
    expect(names(a)).to.not.equal(names(b));
    expect(JSON.stringify(a.results)).to.not.equal(JSON.stringify(b.results));
  });

  it('never draws from Math.random', () => {
    const original = Math.random;
    Math.random = () => {
      throw new Error('Math.random used');
    };
    try {
      expect(() => generateSchool({ ...DEFAULT_OPTIONS, seed: 31337 })).to.not.throw();
    } finally {
      Math.random = original;
    }
  });

  it('lazily serves per-pupil data that equals the full generation', () => {
    const full = generateSchool({ ...DEFAULT_OPTIONS, seed: 5 });
    const view = buildView({ ...DEFAULT_OPTIONS, seed: 5 });
    for (const id of ['L1001', 'L1100', 'L1150']) {
      expect(view.resultsOf(id)).to.deep.equal(full.results[id]);
      expect(view.absencesOf(id)).to.deep.equal(full.absences[id]);
    }
  });

  it('builds the pupils and guardians quickly (well under a second even on a busy machine)', () => {
    const view = buildView({ ...DEFAULT_OPTIONS, seed: 99 });
    expect(view.builtInMs).to.be.lessThan(1500);
  });

  it('generates nothing at construction or health check; the first data call builds the school once', async () => {
    const options = { seed: 4242, pupils: 200, schoolYear: '2026-2027' };
    const adapter = createMockAdapter({ seed: options.seed });
    await adapter.healthCheck();
    expect(isSchoolLoaded(options)).to.equal(false);
    await adapter.getStudent!('L1001');
    expect(isSchoolLoaded(options)).to.equal(true);
    const a = await createMockAdapter({ seed: options.seed }).getStudent!('L1001');
    expect(a).to.deep.equal(await adapter.getStudent!('L1001'));
  });
});
