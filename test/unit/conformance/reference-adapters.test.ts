import { expect } from 'chai';
import minimal from '../../fixtures/adapters/minimal/index.ts';
import { complete } from './variants.ts';
import { failures, runInProcess } from './run-in-process.ts';

describe('conformance suite: the reference fixtures pass', () => {
  it('the complete fixture passes every rule, with a group for each capability', async () => {
    const { outcomes } = await runInProcess({ module: complete, config: {} });
    expect(failures(outcomes)).to.deep.equal({});
    const names = [...outcomes.keys()];
    for (const method of ['listStudents', 'listGuardians', 'listAbsences', 'listResults', 'submitChange']) {
      expect(names.some((n) => n.startsWith(method)), method).to.equal(true);
    }
  });

  it('the minimal fixture passes, and only the groups its capabilities switch on are registered', async () => {
    const { outcomes } = await runInProcess({ module: minimal, config: {} });
    expect(failures(outcomes)).to.deep.equal({});
    const names = [...outcomes.keys()];
    expect(names.some((n) => n.startsWith('getStudent'))).to.equal(true);
    expect(names.filter((n) => /listGuardians|listAbsences|listResults|submitChange/.test(n))).to.deep.equal([]);
  });

  it('records latency per method over the calls the tests made', async () => {
    const { latency } = await runInProcess({ module: minimal, config: {} });
    const getStudent = latency.find((l) => l.method === 'getStudent');
    expect(getStudent?.calls).to.be.greaterThan(1);
    expect(getStudent!.minMs).to.be.at.most(getStudent!.medianMs);
    expect(getStudent!.medianMs).to.be.at.most(getStudent!.maxMs);
    expect(latency.map((l) => l.method)).to.include.members(['healthCheck', 'listStudents']);
  });
});
