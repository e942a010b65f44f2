import { expect } from 'chai';
import type { Address, Guardian, Student } from '../../../adapters/contract/index.ts';
import { DEMO_DEPARTED_STUDENT_IDS } from '../../../adapters/mock/index.ts';
import { demoSchool } from './support.ts';

const sameAddress = (a?: Address, b?: Address) =>
  !!a && !!b && a.street === b.street && a.houseNumber === b.houseNumber && a.postcode === b.postcode;
const emailOf = (g: Guardian) => g.contacts.find((c) => c.kind === 'email')?.value;

describe('mock SIS: the demo school De Bron', () => {
  const school = demoSchool();
  const students = school.students;
  const guardians = school.guardians;
  const pupil = (id: string) => school.studentsById.get(id) as Student;

  it('has about 200 current pupils and about 320 guardians, with stable opaque ids', () => {
    expect(students).to.have.length(200);
    expect(guardians.length).to.be.within(290, 350);
    expect(students.every((s) => /^L\d{4}$/.test(s.id))).to.equal(true);
    expect(guardians.every((g) => /^V\d{4}$/.test(g.id))).to.equal(true);
    expect(new Set(students.map((s) => s.id)).size).to.equal(students.length);
    expect(new Set(guardians.map((g) => g.id)).size).to.equal(guardians.length);
  });

  it('has groups 1–8, a combination group 5/6, and a teacher for every group', () => {
    const groups = new Map(students.map((s) => [s.group!.id, s.group]));
    const names = [...groups.values()].map((g) => g.name);
    for (let j = 1; j <= 8; j++) {
      expect(names).to.include(`Groep ${j}`);
      expect(students.filter((s) => s.jaargroep === j).length, `jaargroep ${j}`).to.be.within(20, 30);
    }
    const combination = [...groups.values()].find((g) => g.jaargroepen.length > 1);
    expect(combination).to.deep.include({ name: 'Groep 5/6', jaargroepen: [5, 6] });
    expect(students.filter((s) => s.group!.id === combination?.id).map((s) => s.jaargroep)).to.include.members([5, 6]);
    for (const s of students) {
      expect(s.group!.jaargroepen).to.include(s.jaargroep);
      expect(s.teachers.length, `teachers of ${s.id}`).to.be.greaterThan(0);
      for (const t of s.teachers) {
        expect(t.id).to.match(/^T\d{2}$/);
        expect(t.name.family).to.not.equal('');
      }
    }
  });

  it('gives pupils birth dates that fit their jaargroep', () => {
    for (const s of students) {
      const ageOnFirstOctober = 2026 - Number(s.birthDate.slice(0, 4)) - (s.birthDate.slice(5) > '10-01' ? 1 : 0);
      expect(ageOnFirstOctober - s.jaargroep, `${s.id} born ${s.birthDate} in groep ${s.jaargroep}`).to.be.within(3, 4);
      expect(s.enrolment.from > s.birthDate).to.equal(true);
    }
  });

  it('has two-parent families: both with gezag, one address, the children living with them', () => {
    const couples = guardians.filter((g) => {
      const partner = guardians.find((o) => o.id !== g.id && o.children.some((c) => g.children.some((d) => d.studentId === c.studentId)));
      return partner && sameAddress(g.address, partner.address)
        && [...g.children, ...partner.children].every((c) => c.gezag && c.livesWith);
    });
    expect(couples.length).to.be.greaterThan(150);
  });

  it('has separated parents at different addresses, each with their own e-mail and gezag', () => {
    const separated = students.filter((s) => {
      const gs = school.guardiansOfStudent.get(s.id) ?? [];
      const withGezag = gs.filter((g) => g.children.some((c) => c.studentId === s.id && c.gezag));
      return withGezag.length === 2 && !sameAddress(withGezag[0]?.address, withGezag[1]?.address)
        && emailOf(withGezag[0] as Guardian) && emailOf(withGezag[1] as Guardian)
        && emailOf(withGezag[0] as Guardian) !== emailOf(withGezag[1] as Guardian);
    });
    expect(separated.length).to.be.greaterThan(10);
    const coParented = separated.filter((s) => (school.guardiansOfStudent.get(s.id) ?? [])
      .every((g) => g.children.find((c) => c.studentId === s.id)?.livesWith));
    expect(coParented.length, 'co-parenting: the child lives with both').to.be.greaterThan(0);
  });

  it('has guardians without gezag, a voogd, and guardians without an e-mail address', () => {
    const links = guardians.flatMap((g) => g.children);
    expect(links.filter((l) => !l.gezag).length).to.be.greaterThan(0);
    expect(links.filter((l) => l.relation === 'voogd' && l.gezag).length).to.be.greaterThan(0);
    expect(guardians.filter((g) => emailOf(g) === undefined).length).to.be.within(1, 20);
  });

  it('flags every secret value and keeps a secret address secret on the pupil too', () => {
    const contacts = [...students, ...guardians].flatMap((p) => p.contacts);
    expect(contacts.every((c) => typeof c.secret === 'boolean' && typeof c.emergency === 'boolean')).to.equal(true);
    expect(contacts.some((c) => c.kind === 'phone' && c.secret)).to.equal(true);
    const secretHomes = students.filter((s) => s.address?.secret);
    expect(secretHomes.length).to.be.greaterThan(0);
    for (const s of secretHomes) {
      const home = (school.guardiansOfStudent.get(s.id) ?? []).find((g) => sameAddress(g.address, s.address));
      expect(home?.address?.secret, `the guardian ${s.id} lives with`).to.equal(true);
    }
    for (const s of students) {
      for (const g of school.guardiansOfStudent.get(s.id) ?? []) {
        if (sameAddress(g.address, s.address)) expect(g.address?.secret).to.equal(s.address?.secret);
      }
    }
  });

  it('has emergency contacts such as "oma", siblings in different groups, and unique example.* e-mail addresses', () => {
    expect(students.some((s) => s.contacts.some((c) => c.emergency && c.label === 'oma'))).to.equal(true);
    const siblings = guardians.filter((g) => g.children.length > 1)
      .filter((g) => new Set(g.children.map((c) => pupil(c.studentId).group!.id)).size > 1);
    expect(siblings.length).to.be.greaterThan(10);
    const emails = guardians.map(emailOf).filter((e): e is string => e !== undefined);
    expect(new Set(emails).size).to.equal(emails.length);
    expect(emails.every((e) => /@example\.(com|net|org)$/.test(e))).to.equal(true);
  });

  it('writes Dutch postcodes normalised as "1234 AB"', () => {
    const addresses = [...students, ...guardians].map((p) => p.address).filter((a): a is Address => !!a);
    expect(addresses.every((a) => /^[1-9]\d{3} [A-Z]{2}$/.test(a.postcode))).to.equal(true);
  });

  it('keeps departed pupils in the data but out of the portal view, with their links', () => {
    for (const id of DEMO_DEPARTED_STUDENT_IDS) {
      const departed = school.families.students.find((s) => s.id === id);
      expect(departed?.enrolment.to, id).to.be.a('string');
      expect((departed?.enrolment.to as string) < '2026-08-01').to.equal(true);
      expect(school.studentsById.has(id)).to.equal(false);
      expect(guardians.some((g) => g.children.some((c) => c.studentId === id))).to.equal(false);
    }
    expect(school.families.guardians.some((g) => g.id === 'V2015')).to.equal(true);
    expect(school.guardiansById.has('V2015'), 'a guardian of departed pupils only').to.equal(false);
  });
});
