import { expect } from 'chai';
import { SisError } from '../../../adapters/contract/index.ts';
import { expectFailures, runInProcess, T } from './run-in-process.ts';
import { variant } from './variants.ts';

describe('conformance rule: an unknown id is SIS_NOT_FOUND', () => {
  it('fails an adapter that rejects with an error without a code', async () => {
    const module = variant((good) => ({
      getStudent: async (id: string) => (id.startsWith('st-') ? good.getStudent!(id) : Promise.reject(new Error('gone'))),
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expectFailures(outcomes, { [T.notFound('getStudent')]: /rejected with Error \(no code\): gone; expected an error whose code is SIS_NOT_FOUND/ });
  });

  it('fails an adapter that answers an unknown id with the wrong code', async () => {
    const module = variant((good) => ({
      getGuardian: async (id: string) => (id.startsWith('gd-') ? good.getGuardian!(id) : Promise.reject(new SisError('SIS_UNAVAILABLE'))),
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expectFailures(outcomes, { [T.notFound('getGuardian')]: /rejected with SisError \(code "SIS_UNAVAILABLE"\)/ });
  });

  it('fails an adapter that resolves for an unknown id', async () => {
    const module = variant((good) => ({
      listAbsences: async (id: string, range: { from: string; to: string }) => (id.startsWith('st-') ? good.listAbsences!(id, range) : []),
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expectFailures(outcomes, { [T.notFound('listAbsences')]: /resolved with \[\]; expected a rejection/ });
  });

  it('fails an adapter that throws synchronously instead of rejecting', async () => {
    const module = variant((good) => ({
      listResults: (id: string, options?: { schoolYear?: string }) => {
        if (!id.startsWith('st-')) throw new SisError('SIS_NOT_FOUND');
        return good.listResults!(id, options);
      },
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expectFailures(outcomes, { [T.notFound('listResults')]: /threw synchronously/ });
  });

  it('recognises the error by its code, not its class (an adapter may bundle its own copy)', async () => {
    const foreign = Object.assign(new Error('not here'), { name: 'SisError', code: 'SIS_NOT_FOUND' });
    const module = variant((good) => ({
      getStudent: async (id: string) => (id.startsWith('st-') ? good.getStudent!(id) : Promise.reject(foreign)),
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expect(outcomes.get(T.notFound('getStudent'))).to.deep.equal({ passed: true });
  });

  it('uses fixtures.unknownId when given', async () => {
    const module = variant((good) => ({
      getStudent: async (id: string) => (id === 'ghost' ? { id } : good.getStudent!(id)),
    }));
    const { outcomes } = await runInProcess({ module, config: {}, fixtures: { unknownId: 'ghost' } });
    expect(outcomes.get(T.notFound('getStudent'))?.reason).to.match(/getStudent\("ghost"\) resolved/);
  });
});
