import { expect } from 'chai';
import type { Guardian, Student } from '../../../adapters/contract/index.ts';
import { isSecretPlaceholder, secretProblems } from '../../../adapters/contract/conformance/traits/secret-flags.ts';
import { expectFailures, runInProcess, T } from './run-in-process.ts';
import { variant } from './variants.ts';

describe('conformance rule: secret values are flagged', () => {
  it('fails a secret phone placeholder passed as an ordinary number', async () => {
    const module = variant((good) => ({
      getStudent: async (id: string): Promise<Student> => {
        const s = await good.getStudent!(id);
        return { ...s, contacts: [{ kind: 'phone', value: '99 99 99 99 99', secret: false, emergency: false }] };
      },
    }));
    const { outcomes } = await runInProcess({ module, config: {} });
    expectFailures(outcomes, {
      [T.secrets('getStudent')]: /getStudent#0\.contacts\[0\]\.value = "99 99 99 99 99" is a secret placeholder but getStudent#0\.contacts\[0\]\.secret is false, not true/,
    });
  });

  it('fails an address without a secret flag, in lists as well as single reads', async () => {
    const module = variant((good) => {
      const strip = (g: Guardian) => (g.address ? { ...g, address: { ...g.address, secret: undefined } } : g);
      return {
        getGuardian: async (id: string) => strip(await good.getGuardian!(id)),
        listGuardians: async (cursor?: string) => {
          const page = await good.listGuardians!(cursor);
          return { ...page, items: page.items.map(strip) };
        },
      };
    });
    const { outcomes } = await runInProcess({ module, config: {} });
    expectFailures(outcomes, {
      [T.secrets('getGuardian')]: /getGuardian#0\.address has no boolean `secret` \(got undefined\)/,
      [T.secrets('listGuardians')]: /listGuardians#0\.address has no boolean `secret`/,
      [T.listGuardians]: /address\.secret: every address carries a boolean `secret`/,
      [T.getGuardian]: /address\.secret/,
    });
  });

  it('recognises the OSO placeholders and nothing else', () => {
    expect(['geheim@geheim.geheim', ' GEHEIM@geheim.geheim ', '9999999999', '99-9999-9999', '(99) 99999999'].map(isSecretPlaceholder))
      .to.deep.equal([true, true, true, true, true]);
    expect(['geheim@example.org', '0612345678', '999999999', 9999999999, undefined].map(isSecretPlaceholder))
      .to.deep.equal([false, false, false, false, false]);
  });

  it('accepts placeholders that are flagged secret', () => {
    const record = {
      address: { street: 'x', houseNumber: '1', postcode: '1234 AB', city: 'y', secret: true },
      contacts: [{ kind: 'email', value: 'geheim@geheim.geheim', secret: true, emergency: false }],
    };
    expect(secretProblems(record, 'r')).to.deep.equal([]);
    expect(secretProblems({ contacts: [{ kind: 'email', value: 'a@b.nl' }] }, 'r')).to.deep.equal(['r.contacts[0] has no boolean `secret` (got undefined)']);
  });
});
