import { expect } from 'chai';
import { CAPABILITIES, type ChangeProposal } from '../../../adapters/contract/index.ts';
import mockModule, { DEMO_DEPARTED_STUDENT_IDS, createMockAdapter } from '../../../adapters/mock/index.ts';
import { manualClock } from '../../support/clock.ts';
import { allPages, demoSchool, expectSisError, rejectionOf } from './support.ts';

const METHODS = ['listStudents', 'getStudent', 'listGuardians', 'getGuardian', 'listGuardiansOfStudent', 'listAbsences', 'listResults', 'submitChange'] as const;

describe('mock SIS adapter', () => {
  describe('module', () => {
    it('is named mock, offers all six capabilities, and its schema fills in the defaults', () => {
      expect(mockModule.name).to.equal('mock');
      expect(mockModule.version).to.match(/^\d+\.\d+\.\d+$/);
      expect([...mockModule.capabilities]).to.deep.equal([...CAPABILITIES]);
      expect(mockModule.configSchema.parse({})).to.deep.equal({
        seed: 20262027, pupils: 200, schoolYear: '2026-2027', pageSize: 50, errorRate: 0, hideFuture: false,
      });
    });

    it('create() uses neither clock nor logger: construction does no work', () => {
      const explode = () => {
        throw new Error('touched at construction');
      };
      const deps = { clock: { now: explode }, logger: { debug: explode, info: explode, warn: explode, error: explode }, http: {} as never };
      const adapter = mockModule.create(mockModule.configSchema.parse({ outage: { from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' } }), deps);
      expect(adapter.name).to.equal('mock');
      expect([...adapter.capabilities]).to.deep.equal([...CAPABILITIES]);
    });
  });

  describe('students and guardians', () => {
    const adapter = createMockAdapter();
    const school = demoSchool();

    it('listStudents pages through every current pupil once, in id order; the last page has no next', async () => {
      const { items, pages } = await allPages((c) => adapter.listStudents!(c));
      expect(pages.map((p) => p.items.length)).to.deep.equal([50, 50, 50, 50]);
      expect(pages.at(-1)).to.not.have.property('next');
      expect(items.map((s) => s.id)).to.deep.equal(school.students.map((s) => s.id));
      expect(items.every((s) => s.enrolment.to === undefined)).to.equal(true);
    });

    it('listGuardians pages through every guardian once; pageSize is configurable', async () => {
      const { items, pages } = await allPages((c) => createMockAdapter({ pageSize: 64 }).listGuardians!(c));
      expect(pages.slice(0, -1).every((p) => p.items.length === 64)).to.equal(true);
      expect(items.map((g) => g.id)).to.deep.equal(school.guardians.map((g) => g.id));
    });

    it('a forged or foreign cursor is SIS_NOT_FOUND', async () => {
      const first = await adapter.listGuardians!();
      await expectSisError(adapter.listStudents!(first.next), 'SIS_NOT_FOUND');
      await expectSisError(adapter.listStudents!('not-a-cursor'), 'SIS_NOT_FOUND');
    });

    it('unknown ids are SIS_NOT_FOUND everywhere; departed pupils and their only guardian are unknown', async () => {
      await expectSisError(adapter.getStudent!('L9999'), 'SIS_NOT_FOUND');
      await expectSisError(adapter.getGuardian!('V9999'), 'SIS_NOT_FOUND');
      await expectSisError(adapter.listGuardiansOfStudent!('L9999'), 'SIS_NOT_FOUND');
      await expectSisError(adapter.listResults!('L9999'), 'SIS_NOT_FOUND');
      for (const id of DEMO_DEPARTED_STUDENT_IDS) {
        await expectSisError(adapter.getStudent!(id), 'SIS_NOT_FOUND');
        await expectSisError(adapter.listGuardiansOfStudent!(id), 'SIS_NOT_FOUND');
        await expectSisError(adapter.listResults!(id), 'SIS_NOT_FOUND');
      }
      await expectSisError(adapter.getGuardian!('V2015'), 'SIS_NOT_FOUND');
    });

    it('listGuardiansOfStudent gives exactly the guardians linking to the pupil', async () => {
      for (const id of ['L1001', 'L1005', 'L1007', 'L1150']) {
        const guardians = await adapter.listGuardiansOfStudent!(id);
        expect(guardians.length).to.be.greaterThan(0);
        expect(guardians.every((g) => g.children.some((c) => c.studentId === id))).to.equal(true);
        const linking = school.guardians.filter((g) => g.children.some((c) => c.studentId === id)).map((g) => g.id);
        expect(guardians.map((g) => g.id)).to.deep.equal(linking);
      }
    });

    it('returns copies: changing an answer does not change the school', async () => {
      const student = await adapter.getStudent!('L1001');
      student.name.given = 'Changed';
      student.contacts.length = 0;
      const guardians = await adapter.listGuardiansOfStudent!('L1001');
      guardians[0]!.children.length = 0;
      const page = await adapter.listStudents!();
      page.items[0]!.group!.jaargroepen.push(99);
      const again = await createMockAdapter().getStudent!('L1001');
      expect(again.name.given).to.not.equal('Changed');
      expect(again.contacts.length).to.be.greaterThan(0);
      expect(again.group!.jaargroepen).to.not.include(99);
      expect((await adapter.listGuardiansOfStudent!('L1001'))[0]!.children.length).to.be.greaterThan(0);
    });
  });

  describe('capability narrowing', () => {
    it('leaves out the methods of the capabilities it does not have', () => {
      const adapter = createMockAdapter({ capabilities: ['students', 'absences'] });
      expect([...adapter.capabilities]).to.deep.equal(['students', 'absences']);
      const present = METHODS.filter((m) => typeof adapter[m] === 'function');
      expect(present).to.deep.equal(['listStudents', 'getStudent', 'listAbsences']);
      for (const m of METHODS.filter((x) => !present.includes(x))) expect(adapter[m], m).to.equal(undefined);
    });

    it('keeps listResults for either results capability, and has every method by default', () => {
      expect(createMockAdapter({ capabilities: ['results.lvs'] }).listResults).to.be.a('function');
      expect(createMockAdapter({ capabilities: ['results.method'] }).listResults).to.be.a('function');
      const full = createMockAdapter();
      expect(METHODS.filter((m) => typeof full[m] !== 'function')).to.deep.equal([]);
    });
  });

  describe('submitChange', () => {
    const change: ChangeProposal = {
      studentId: 'L1001',
      guardianId: 'V2001',
      fields: [{ field: 'phone', old: '06 12345678', new: '06 87654321' }],
      note: 'Nieuw nummer',
      submittedAt: '2026-11-28T09:00:00.000Z',
    };

    it('writes once per idempotency key and returns the same reference for a retry', async () => {
      const clock = manualClock('2026-11-28T09:00:05Z');
      const adapter = createMockAdapter({}, { clock });
      const first = await adapter.submitChange!(change, { idempotencyKey: 'key-1' });
      const retry = await adapter.submitChange!({ ...change, note: 'retried' }, { idempotencyKey: 'key-1' });
      expect(retry).to.deep.equal(first);
      expect(adapter.submitted).to.have.length(1);
      expect(adapter.submitted[0]).to.deep.equal({
        reference: first.reference, idempotencyKey: 'key-1', change, receivedAt: '2026-11-28T09:00:05.000Z',
      });
      const other = await adapter.submitChange!(change, { idempotencyKey: 'key-2' });
      expect(other.reference).to.not.equal(first.reference);
      expect(adapter.submitted.map((s) => s.reference)).to.deep.equal([first.reference, other.reference]);
    });

    it('stores and exposes copies, not the caller\'s objects', async () => {
      const adapter = createMockAdapter();
      const mine = structuredClone(change);
      await adapter.submitChange!(mine, { idempotencyKey: 'k' });
      mine.fields[0]!.new = 'tampered';
      (adapter.submitted[0] as { change: ChangeProposal }).change.note = 'tampered';
      expect(adapter.submitted[0]!.change).to.deep.equal(change);
    });

    it('refuses unknown pupils and guardians (SIS_NOT_FOUND) and a missing key, storing nothing', async () => {
      const adapter = createMockAdapter();
      await expectSisError(adapter.submitChange!({ ...change, studentId: 'L9999' }, { idempotencyKey: 'a' }), 'SIS_NOT_FOUND');
      await expectSisError(adapter.submitChange!({ ...change, guardianId: 'V9999' }, { idempotencyKey: 'b' }), 'SIS_NOT_FOUND');
      expect(await rejectionOf(adapter.submitChange!(change, { idempotencyKey: '' }))).to.be.instanceOf(RangeError);
      expect(adapter.submitted).to.deep.equal([]);
    });
  });
});
