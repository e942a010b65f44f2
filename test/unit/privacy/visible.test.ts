import { expect } from 'chai';
import type { ContactPoint, Guardian, Student } from '../../../adapters/contract/index.ts';
import { childSummary, visibleChild, visibleChildLinks, type Viewer } from '../../../gateway/privacy/visible.ts';

const phone = (value: string, extra: Partial<ContactPoint> = {}): ContactPoint =>
  ({ kind: 'phone', value, secret: false, emergency: false, ...extra });
const email = (value: string, extra: Partial<ContactPoint> = {}): ContactPoint =>
  ({ kind: 'email', value, secret: false, emergency: false, ...extra });

function student(overrides: Partial<Student> = {}): Student {
  return {
    id: 'L1',
    name: { given: 'Sanne', family: 'Berg', prefix: 'van den', firstNames: 'Susanna Maria' },
    birthDate: '2018-03-04',
    group: { id: 'G5', name: 'Groep 5', jaargroepen: [5] },
    jaargroep: 5,
    teachers: [{ id: 'T1', name: { given: 'Anna', family: 'Vries', prefix: 'de' } }],
    address: { street: 'Kerkstraat', houseNumber: '1', postcode: '1234 AB', city: 'Bronsveld', secret: false },
    contacts: [phone('0301111111', { label: 'thuis' }), phone('0612121212', { label: 'oma', emergency: true })],
    enrolment: { from: '2022-03-04' },
    ...overrides,
  };
}

/** Mother: the child lives with her. Father: elsewhere. Both with gezag unless told otherwise. */
function family(opts: { motherSecret?: boolean; fatherGezag?: boolean } = {}) {
  const mother: Guardian = {
    id: 'V1',
    name: { given: 'Mirjam', family: 'Berg', prefix: 'van den' },
    address: { street: 'Kerkstraat', houseNumber: '1', postcode: '1234 AB', city: 'Bronsveld', secret: opts.motherSecret ?? false },
    contacts: [phone('0611111111', { secret: opts.motherSecret ?? false }), email('mirjam@example.org', { secret: opts.motherSecret ?? false })],
    children: [{ studentId: 'L1', relation: 'mother', gezag: true, livesWith: true }],
  };
  const father: Guardian = {
    id: 'V2',
    name: { given: 'Joost', family: 'Dekker' },
    address: { street: 'Dorpsweg', houseNumber: '99', postcode: '5678 CD', city: 'Elders', secret: false },
    contacts: [phone('0622222222'), email('joost@example.org'), phone('0699999999', { secret: true, label: 'werk' })],
    children: [{ studentId: 'L1', relation: 'father', gezag: opts.fatherGezag ?? true, livesWith: false }],
  };
  return { mother, father };
}

const full = (guardianId: string): Viewer => ({ guardianId, scope: 'full' });
const limited = (guardianId: string): Viewer => ({ guardianId, scope: 'limited' });

describe('privacy: visibleChildLinks', () => {
  const guardian: Guardian = {
    id: 'V9', name: { given: 'P', family: 'Q' }, contacts: [],
    children: [
      { studentId: 'A', relation: 'father', gezag: true, livesWith: true },
      { studentId: 'B', relation: 'father', gezag: false, livesWith: false },
    ],
  };

  it('a full account sees only the children it has gezag over', () => {
    expect(visibleChildLinks(guardian, 'full').map((l) => l.studentId)).to.deep.equal(['A']);
  });

  it('a limited account (granted by an operator) sees every linked child', () => {
    expect(visibleChildLinks(guardian, 'limited').map((l) => l.studentId)).to.deep.equal(['A', 'B']);
  });
});

describe('privacy: visibleChild', () => {
  it('shows the child a non-secret address and contacts to a full viewer who does not live with the child', () => {
    const { mother, father } = family();
    const seen = visibleChild({ viewer: full('V2'), viewerGuardian: father, student: student(), guardians: [mother, father] });
    expect(seen.address?.street).to.equal('Kerkstraat');
    expect(seen.addressHidden).to.equal(false);
    expect(seen.contacts.map((c) => c.value)).to.deep.equal(['0301111111']);
    expect(seen.emergencyContacts.map((c) => c.value)).to.deep.equal(['0612121212']);
  });

  it('shows a secret child address only to a guardian the child lives with', () => {
    const { mother, father } = family();
    const secretChild = student({ address: { ...student().address!, secret: true } });
    const byMother = visibleChild({ viewer: full('V1'), viewerGuardian: mother, student: secretChild, guardians: [mother, father] });
    expect(byMother.address).to.include({ street: 'Kerkstraat', secret: true });
    const byFather = visibleChild({ viewer: full('V2'), viewerGuardian: father, student: secretChild, guardians: [mother, father] });
    expect(byFather.address).to.equal(undefined);
    expect(byFather.addressHidden).to.equal(true);
  });

  it('separated parents: the mother\'s secret address and phone never reach the father, even through the child\'s copy', () => {
    const { mother, father } = family({ motherSecret: true });
    // The SIS forgot to flag the child's copies: same address, the mother's number as a child contact.
    const child = student({ contacts: [phone('06 1111 1111', { label: 'mobiel moeder' }), phone('0612121212', { emergency: true })] });
    const seen = visibleChild({ viewer: full('V2'), viewerGuardian: father, student: child, guardians: [mother, father] });
    const text = JSON.stringify(seen);
    expect(text).not.to.include('Kerkstraat');
    expect(text).not.to.include('0611111111');
    expect(text).not.to.include('06 1111 1111');
    expect(text).not.to.include('mirjam@example.org');
    const motherCard = seen.guardians.find((g) => !g.isViewer)!;
    expect(motherCard.name.given).to.equal('Mirjam');
    expect(motherCard.address).to.equal(undefined);
    expect(motherCard.contacts).to.deep.equal([]);
  });

  it('the viewer always sees their own values, secret ones included and marked secret', () => {
    const { mother, father } = family({ motherSecret: true });
    const seen = visibleChild({ viewer: full('V1'), viewerGuardian: mother, student: student(), guardians: [mother, father] });
    const own = seen.guardians[0]!;
    expect(own.isViewer).to.equal(true);
    expect(own.relation).to.equal('mother');
    expect(own.address).to.include({ street: 'Kerkstraat', secret: true });
    expect(own.contacts.map((c) => [c.value, c.secret])).to.deep.equal([['0611111111', true], ['mirjam@example.org', true]]);
  });

  it('another guardian\'s secret values are hidden from a full viewer, non-secret ones shown', () => {
    const { mother, father } = family();
    const seen = visibleChild({ viewer: full('V1'), viewerGuardian: mother, student: student(), guardians: [mother, father] });
    const fatherCard = seen.guardians.find((g) => !g.isViewer)!;
    expect(fatherCard.relation).to.equal('father');
    expect(fatherCard.address?.street).to.equal('Dorpsweg');
    expect(fatherCard.contacts.map((c) => c.value)).to.deep.equal(['0622222222', 'joost@example.org']);
  });

  it('a limited viewer sees no contact data of other guardians and no child address or contacts', () => {
    const { mother, father } = family({ fatherGezag: false });
    const seen = visibleChild({ viewer: limited('V2'), viewerGuardian: father, student: student(), guardians: [mother, father] });
    expect(seen.limited).to.equal(true);
    expect(seen.address).to.equal(undefined);
    expect(seen.addressHidden).to.equal(true);
    expect(seen.contacts).to.deep.equal([]);
    expect(seen.emergencyContacts).to.deep.equal([]);
    const motherCard = seen.guardians.find((g) => !g.isViewer)!;
    expect(motherCard.address).to.equal(undefined);
    expect(motherCard.contacts).to.deep.equal([]);
    // Their own data stays visible to them.
    expect(seen.guardians[0]!.contacts.map((c) => c.value)).to.include('0622222222');
  });

  it('a secret emergency contact is shown only to a guardian the child lives with', () => {
    const { mother, father } = family();
    const child = student({ contacts: [phone('0677777777', { emergency: true, secret: true, label: 'buurvrouw' })] });
    const byMother = visibleChild({ viewer: full('V1'), viewerGuardian: mother, student: child, guardians: [mother, father] });
    expect(byMother.emergencyContacts.map((c) => c.value)).to.deep.equal(['0677777777']);
    const byFather = visibleChild({ viewer: full('V2'), viewerGuardian: father, student: child, guardians: [mother, father] });
    expect(byFather.emergencyContacts).to.deep.equal([]);
  });

  it('drops OSO stand-ins for withheld values for everyone', () => {
    const { mother, father } = family();
    const child = student({ contacts: [phone('9999999999'), email('geheim@geheim.geheim'), phone('0301111111')] });
    const seen = visibleChild({ viewer: full('V1'), viewerGuardian: mother, student: child, guardians: [mother, father] });
    expect(seen.contacts.map((c) => c.value)).to.deep.equal(['0301111111']);
  });

  it('puts the viewer first even when the SIS lists them later or not at all', () => {
    const { mother, father } = family();
    const listed = visibleChild({ viewer: full('V1'), viewerGuardian: mother, student: student(), guardians: [father, mother] });
    expect(listed.guardians.map((g) => g.name.given)).to.deep.equal(['Mirjam', 'Joost']);
    const unlisted = visibleChild({ viewer: full('V1'), viewerGuardian: mother, student: student(), guardians: [father] });
    expect(unlisted.guardians.map((g) => [g.name.given, g.isViewer])).to.deep.equal([['Mirjam', true], ['Joost', false]]);
  });

  it('returns copies: changing the result never changes the SIS record', () => {
    const { mother, father } = family();
    const record = student();
    const seen = visibleChild({ viewer: full('V1'), viewerGuardian: mother, student: record, guardians: [mother, father] });
    seen.address!.street = 'Elders';
    seen.name.given = 'X';
    expect(record.address!.street).to.equal('Kerkstraat');
    expect(record.name.given).to.equal('Sanne');
  });
});

describe('privacy: childSummary', () => {
  it('carries name, group and teachers only', () => {
    const summary = childSummary(student());
    expect(Object.keys(summary).sort()).to.deep.equal(['group', 'jaargroep', 'name', 'studentId', 'teachers']);
    expect(summary.teachers).to.deep.equal([{ given: 'Anna', family: 'Vries', prefix: 'de' }]);
  });
});
