import { expect } from 'chai';
import type { Guardian, Student } from '../../../adapters/contract/index.ts';
import { DEMO_DEPARTED_STUDENT_IDS, DEMO_PERSONAS, DEMO_SCHOOL, createMockAdapter } from '../../../adapters/mock/index.ts';
import { generateFamilies } from '../../../adapters/mock/data/families.ts';
import type { MockSisAdapter } from '../../../adapters/mock/adapter.ts';

const emailOf = (g: Guardian) => g.contacts.find((c) => c.kind === 'email')?.value;
const linkTo = (g: Guardian, studentId: string) => g.children.find((c) => c.studentId === studentId);
const sameAddress = (a: Guardian['address'], b: Guardian['address']) =>
  !!a && !!b && a.street === b.street && a.houseNumber === b.houseNumber && a.postcode === b.postcode;

describe('mock SIS: demo personas', () => {
  it('are frozen, documented, and name the demo school', () => {
    expect(Object.isFrozen(DEMO_PERSONAS)).to.equal(true);
    for (const persona of Object.values(DEMO_PERSONAS)) {
      expect(Object.isFrozen(persona)).to.equal(true);
      expect(persona.description.length).to.be.greaterThan(20);
    }
    expect(DEMO_SCHOOL).to.include({ name: 'De Bron', brin: '99ZZ' });
    expect(Object.isFrozen(DEMO_SCHOOL)).to.equal(true);
  });

  it('are the ids the generator itself hands out, for every seed and school size', () => {
    for (const [seed, pupils] of [[20262027, 200], [7, 200], [123, 40]] as const) {
      const { personas, students } = generateFamilies(seed, pupils, '2026-2027');
      const ids = Object.fromEntries(Object.entries(DEMO_PERSONAS).map(([k, p]) => [k, p.guardianId]));
      expect(personas, `seed ${seed}`).to.deep.equal(ids);
      const departed = students.filter((s) => s.enrolment.to !== undefined).map((s) => s.id);
      expect(departed).to.deep.equal([...DEMO_DEPARTED_STUDENT_IDS]);
    }
  });

  for (const seed of [20262027, 7]) {
    describe(`have the promised shape (seed ${seed})`, () => {
      let adapter: MockSisAdapter;
      const guardian = (key: keyof typeof DEMO_PERSONAS) => adapter.getGuardian!(DEMO_PERSONAS[key].guardianId);
      const childrenOf = (g: Guardian): Promise<Student[]> => Promise.all(g.children.map((c) => adapter.getStudent!(c.studentId)));
      const otherParents = async (g: Guardian, studentId: string) =>
        (await adapter.listGuardiansOfStudent!(studentId)).filter((o) => o.id !== g.id);

      before(() => {
        adapter = createMockAdapter({ seed });
      });

      it('twoChildren: gezag over two children in different groups', async () => {
        const g = await guardian('twoChildren');
        const kids = await childrenOf(g);
        expect(kids).to.have.length(2);
        expect(kids[0]?.group!.id).to.not.equal(kids[1]?.group!.id);
        expect(g.children.every((c) => c.gezag && c.livesWith)).to.equal(true);
        expect(emailOf(g)).to.be.a('string');
      });

      it('separatedA and separatedB: the same child, two addresses, two own e-mails, both gezag', async () => {
        const a = await guardian('separatedA');
        const b = await guardian('separatedB');
        const [child] = a.children;
        expect(child).to.not.equal(undefined);
        expect(linkTo(b, child!.studentId)).to.not.equal(undefined);
        expect(sameAddress(a.address, b.address)).to.equal(false);
        expect(emailOf(a)).to.be.a('string');
        expect(emailOf(b)).to.be.a('string').and.not.equal(emailOf(a));
        expect(linkTo(a, child!.studentId)).to.include({ gezag: true, livesWith: true });
        expect(linkTo(b, child!.studentId)).to.include({ gezag: true, livesWith: false });
      });

      it('newParent: an ordinary parent with gezag and e-mail, child in groep 1', async () => {
        const g = await guardian('newParent');
        expect(g.children.every((c) => c.gezag)).to.equal(true);
        expect(emailOf(g)).to.be.a('string');
        expect((await childrenOf(g)).map((s) => s.jaargroep)).to.deep.equal([1]);
      });

      it('noGezag: linked without gezag, with an e-mail, while the other parent has gezag', async () => {
        const g = await guardian('noGezag');
        expect(g.children.length).to.be.greaterThan(0);
        expect(g.children.every((c) => c.gezag === false)).to.equal(true);
        expect(emailOf(g)).to.be.a('string');
        const others = await otherParents(g, g.children[0]!.studentId);
        expect(others.some((o) => linkTo(o, g.children[0]!.studentId)?.gezag)).to.equal(true);
      });

      it('voogd: relation voogd with gezag', async () => {
        const g = await guardian('voogd');
        expect(g.children).to.have.length(1);
        expect(g.children[0]).to.include({ relation: 'voogd', gezag: true });
      });

      it("secretAddress: her address and phone are secret, so is the child's address; the other parent is elsewhere", async () => {
        const g = await guardian('secretAddress');
        expect(g.address?.secret).to.equal(true);
        expect(g.contacts.some((c) => c.kind === 'phone' && c.secret)).to.equal(true);
        const [child] = await childrenOf(g);
        expect(child?.address?.secret).to.equal(true);
        expect(sameAddress(child?.address, g.address)).to.equal(true);
        expect(child?.contacts.filter((c) => c.secret).map((c) => c.value))
          .to.deep.equal(g.contacts.filter((c) => c.kind === 'phone' && c.secret).map((c) => c.value));
        const [other] = await otherParents(g, child!.id);
        expect(other?.id).to.equal('V2011');
        expect(linkTo(other!, child!.id)).to.include({ gezag: true, livesWith: false });
        expect(other?.address?.secret).to.equal(false);
        expect(sameAddress(other?.address, g.address)).to.equal(false);
      });

      it('noEmail: gezag but no e-mail address', async () => {
        const g = await guardian('noEmail');
        expect(g.children.every((c) => c.gezag)).to.equal(true);
        expect(emailOf(g)).to.equal(undefined);
      });
    });
  }
});
