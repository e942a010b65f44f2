import { expect } from 'chai';
import type { Guardian } from '../../../adapters/contract/index.ts';
import { inputsNotOffered, offeredGroups } from '../../../gateway/changes/offered-groups.ts';
import type { VisibleChild } from '../../../gateway/privacy/visible.ts';

const ALL = ['address', 'phone', 'email', 'emergencyContact'] as const;

function child(overrides: Partial<VisibleChild>): VisibleChild {
  return {
    studentId: 'L1', name: { given: 'Noor', family: 'Jansen' }, group: { id: 'g', name: 'Groep 5', jaargroepen: [5] }, jaargroep: 5, teachers: [],
    birthDate: '2018-01-01', enrolledFrom: '2022-08-01', addressHidden: false, contacts: [], emergencyContacts: [], emergencyHidden: false,
    limited: false, guardians: [], ...overrides,
  };
}

const viewer: Guardian = {
  id: 'G1', name: { given: 'Anna', family: 'Jansen' }, children: [],
  contacts: [{ kind: 'phone', value: '06 12345678', secret: true, emergency: false }, { kind: 'email', value: 'a@example.org', secret: false, emergency: false }],
};

describe('changes: the groups a parent is offered', () => {
  it('leaves out a hidden address and a hidden emergency contact, whatever the school enables', () => {
    const offered = offeredGroups(ALL, child({ addressHidden: true, emergencyHidden: true }), viewer);
    expect(offered.map((o) => o.group)).to.deep.equal(['phone', 'email']);
  });

  it('flags a group whose current data is secret', () => {
    const address = { street: 'Kade', houseNumber: '1', postcode: '1234 AB', city: 'Leemdijk', secret: true };
    const offered = offeredGroups(ALL, child({ address }), viewer);
    expect(offered).to.deep.equal([
      { group: 'address', secret: true }, { group: 'phone', secret: true }, { group: 'email', secret: false }, { group: 'emergencyContact', secret: false },
    ]);
  });

  it('offers a limited viewer none of the child\'s contact data', () => {
    expect(offeredGroups(ALL, child({ limited: true }), viewer).map((o) => o.group)).to.deep.equal(['phone', 'email']);
  });

  it('names the posted inputs of groups not offered, ignoring empty ones', () => {
    const offered = [{ group: 'phone' as const, secret: false }];
    expect(inputsNotOffered({ phone: '06', street: 'Vlierlaan', city: ' ', emergencyName: 'oma' }, offered)).to.deep.equal(['street', 'emergencyName']);
    expect(inputsNotOffered({ phone: '06' }, offered)).to.deep.equal([]);
  });
});
