import { expect } from 'chai';
import { expectStoreError } from './context.ts';
import type { SuiteContext } from './context.ts';
import { auditRecord } from './fixtures.ts';

const at = (hour: number): string => `2025-09-01T${String(hour).padStart(2, '0')}:00:00.000Z`;

export function auditTests({ describe, it, store }: SuiteContext): void {
  describe('audit', () => {
    async function seed(): Promise<void> {
      await store().audit.append(auditRecord({ id: 'r1', at: at(8), actor: 'a1', action: 'login' }));
      await store().audit.append(auditRecord({ id: 'r2', at: at(9), actor: 'a1', action: 'view', studentId: 's1', section: 'personalia' }));
      await store().audit.append(auditRecord({ id: 'r3', at: at(10), actor: 'a2', action: 'view', studentId: 's2' }));
      await store().audit.append(auditRecord({ id: 'r4', at: at(11), actor: 'a1', action: 'view', studentId: 's2' }));
      await store().audit.append(auditRecord({ id: 'r5', at: at(12), actor: 'op', actorKind: 'operator', action: 'change.process' }));
    }
    const ids = (records: { id: string }[]): string[] => records.map((r) => r.id);

    it('returns records newest first, also when one arrives late', async () => {
      await store().audit.append(auditRecord({ id: 'r2', at: at(9) }));
      await store().audit.append(auditRecord({ id: 'r3', at: at(10) }));
      await store().audit.append(auditRecord({ id: 'r1', at: at(8) }));
      expect(ids(await store().audit.query({}))).to.deep.equal(['r3', 'r2', 'r1']);
    });

    it('puts the last appended first among records of the same moment', async () => {
      await store().audit.append(auditRecord({ id: 'x', at: at(9) }));
      await store().audit.append(auditRecord({ id: 'y', at: at(9) }));
      await store().audit.append(auditRecord({ id: 'z', at: at(8) }));
      await store().audit.append(auditRecord({ id: 'w', at: at(9) }));
      expect(ids(await store().audit.query({}))).to.deep.equal(['w', 'y', 'x', 'z']);
    });

    it('keeps what was appended, detail included', async () => {
      const record = auditRecord({ id: 'r1', at: at(8), section: 'results.lvs', requestId: 'req-1', detail: { n: 2, ok: true, why: 'x' } });
      await store().audit.append(record);
      expect(await store().audit.query({})).to.deep.equal([record]);
    });

    it('filters by actor, pupil and action, combined', async () => {
      await seed();
      expect(ids(await store().audit.query({ actor: 'a1' }))).to.deep.equal(['r4', 'r2', 'r1']);
      expect(ids(await store().audit.query({ studentId: 's2' }))).to.deep.equal(['r4', 'r3']);
      expect(ids(await store().audit.query({ action: 'view' }))).to.deep.equal(['r4', 'r3', 'r2']);
      expect(ids(await store().audit.query({ actor: 'a1', studentId: 's2', action: 'view' }))).to.deep.equal(['r4']);
      expect(await store().audit.query({ actor: 'nobody' })).to.deep.equal([]);
    });

    it('filters by section, actor kind, kind (view, denial, staff) and parent account; counts; pages with an offset', async () => {
      await seed();
      await store().audit.append(auditRecord({ id: 'r6', at: at(13), actor: 'op', actorKind: 'operator', action: 'operator.account.disable', detail: { account: 'a1' } }));
      await store().audit.append(auditRecord({ id: 'r7', at: at(14), actor: 'x', actorKind: 'operator', action: 'operator.login.refused' }));
      await store().audit.append(auditRecord({ id: 'r8', at: at(15), actor: 'op', actorKind: 'operator', action: 'view', section: 'accounts' }));
      expect(ids(await store().audit.query({ section: 'personalia' }))).to.deep.equal(['r2']);
      expect(ids(await store().audit.query({ actorKind: 'operator' }))).to.deep.equal(['r8', 'r7', 'r6', 'r5']);
      expect(ids(await store().audit.query({ kind: 'view' }))).to.deep.equal(['r8', 'r4', 'r3', 'r2']);
      expect(ids(await store().audit.query({ kind: 'denial' }))).to.deep.equal(['r7']);
      expect(ids(await store().audit.query({ kind: 'staff' }))).to.deep.equal(['r7', 'r6', 'r5']);
      expect(ids(await store().audit.query({ account: 'a1' }))).to.deep.equal(['r6', 'r4', 'r2', 'r1']);
      expect(await store().audit.count({ account: 'a1', limit: 1 })).to.equal(4);
      expect(ids(await store().audit.query({ account: 'a1', offset: 1, limit: 2 }))).to.deep.equal(['r4', 'r2']);
      expect(ids(await store().audit.query({ offset: 8 }))).to.deep.equal([]);
      await expectStoreError(store().audit.query({ offset: -1 }), 'INVALID');
    });

    it('filters by time: from inclusive, to exclusive', async () => {
      await seed();
      expect(ids(await store().audit.query({ from: at(9), to: at(11) }))).to.deep.equal(['r3', 'r2']);
      expect(ids(await store().audit.query({ from: at(11) }))).to.deep.equal(['r5', 'r4']);
      expect(ids(await store().audit.query({ to: at(9) }))).to.deep.equal(['r1']);
    });

    it('limits to the newest matches', async () => {
      await seed();
      expect(ids(await store().audit.query({ limit: 2 }))).to.deep.equal(['r5', 'r4']);
      expect(ids(await store().audit.query({ actor: 'a1', limit: 2 }))).to.deep.equal(['r4', 'r2']);
      await expectStoreError(store().audit.query({ limit: 0 }), 'INVALID');
    });

    it('refuses a second record with a known id and a time that is not a date', async () => {
      await store().audit.append(auditRecord({ id: 'r1', at: at(8) }));
      await expectStoreError(store().audit.append(auditRecord({ id: 'r1', at: at(9) })), 'DUPLICATE');
      await expectStoreError(store().audit.append(auditRecord({ id: 'r2', at: 'yesterday' })), 'INVALID');
      expect(ids(await store().audit.query({}))).to.deep.equal(['r1']);
    });

    it('purges records strictly before a moment', async () => {
      await seed();
      expect(await store().audit.purgeOlderThan(new Date(at(10)))).to.equal(2);
      expect(ids(await store().audit.query({}))).to.deep.equal(['r5', 'r4', 'r3']);
      expect(await store().audit.purgeOlderThan(new Date(at(10)))).to.equal(0);
    });

    it('hands out copies', async () => {
      const record = auditRecord({ id: 'r1', at: at(8), detail: { n: 1 } });
      await store().audit.append(record);
      record.detail!.n = 2;
      (await store().audit.query({}))[0]!.detail!.n = 3;
      expect((await store().audit.query({}))[0]!.detail).to.deep.equal({ n: 1 });
    });
  });
}
