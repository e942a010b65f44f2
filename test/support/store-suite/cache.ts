import { expect } from 'chai';
import { expectStoreError } from './context.ts';
import type { SuiteContext } from './context.ts';
import { cacheEntry } from './fixtures.ts';

export function cacheTests({ describe, it, store }: SuiteContext): void {
  describe('cache', () => {
    it('returns what was set, replaces it, deletes it', async () => {
      const entry = cacheEntry({ key: 'student:1', studentId: '1', value: { groep: 5, tags: ['a'] } });
      await store().cache.set(entry);
      expect(await store().cache.get('student:1')).to.deep.equal(entry);
      await store().cache.set({ ...entry, value: { groep: 6 } });
      expect((await store().cache.get('student:1'))?.value).to.deep.equal({ groep: 6 });
      await store().cache.delete('student:1');
      await store().cache.delete('never-existed');
      expect(await store().cache.get('student:1')).to.equal(undefined);
    });

    it('counts entries', async () => {
      expect(await store().cache.count()).to.equal(0);
      await store().cache.set(cacheEntry({ key: 'k1' }));
      await store().cache.set(cacheEntry({ key: 'k2' }));
      await store().cache.set(cacheEntry({ key: 'k1' }));
      expect(await store().cache.count()).to.equal(2);
    });

    it('tells per kind how many entries there are and how old the oldest and newest are', async () => {
      expect(await store().cache.statsByKind()).to.deep.equal([]);
      await store().cache.set(cacheEntry({ key: 's1', kind: 'student', storedAt: '2025-09-01T08:00:00.000Z' }));
      await store().cache.set(cacheEntry({ key: 's2', kind: 'student', storedAt: '2025-09-01T10:00:00.000Z' }));
      await store().cache.set(cacheEntry({ key: 'a1', kind: 'absences', storedAt: '2025-09-01T09:00:00.000Z' }));
      expect(await store().cache.statsByKind()).to.deep.equal([
        { kind: 'absences', count: 1, oldest: '2025-09-01T09:00:00.000Z', newest: '2025-09-01T09:00:00.000Z' },
        { kind: 'student', count: 2, oldest: '2025-09-01T08:00:00.000Z', newest: '2025-09-01T10:00:00.000Z' },
      ]);
    });

    it('deletes every entry of one pupil and nothing else', async () => {
      await store().cache.set(cacheEntry({ key: 'student:1', studentId: '1' }));
      await store().cache.set(cacheEntry({ key: 'absences:1', kind: 'absences', studentId: '1' }));
      await store().cache.set(cacheEntry({ key: 'student:2', studentId: '2' }));
      await store().cache.set(cacheEntry({ key: 'school' }));
      expect(await store().cache.deleteByStudent('1')).to.equal(2);
      expect(await store().cache.deleteByStudent('1')).to.equal(0);
      expect(await store().cache.count()).to.equal(2);
      expect(await store().cache.get('student:2')).to.not.equal(undefined);
    });

    it('deletes every entry of one guardian and nothing else, and lists who has entries', async () => {
      await store().cache.set(cacheEntry({ key: 'guardian:G1', kind: 'guardian', guardianId: 'G1' }));
      await store().cache.set(cacheEntry({ key: 'guardian:G2', kind: 'guardian', guardianId: 'G2' }));
      await store().cache.set(cacheEntry({ key: 'student:2', studentId: '2' }));
      await store().cache.set(cacheEntry({ key: 'student:1', studentId: '1' }));
      await store().cache.set(cacheEntry({ key: 'school' }));
      expect(await store().cache.owners()).to.deep.equal({ studentIds: ['1', '2'], guardianIds: ['G1', 'G2'] });
      expect(await store().cache.deleteByGuardian('G1')).to.equal(1);
      expect(await store().cache.deleteByGuardian('G1')).to.equal(0);
      expect(await store().cache.get('guardian:G2')).to.not.equal(undefined);
      expect(await store().cache.owners()).to.deep.equal({ studentIds: ['1', '2'], guardianIds: ['G2'] });
      await store().cache.deleteByStudent('1');
      expect((await store().cache.owners()).studentIds).to.deep.equal(['2']);
      expect(await store().cache.count()).to.equal(3);
    });

    it('follows an entry that moves to another pupil', async () => {
      await store().cache.set(cacheEntry({ key: 'k', studentId: '1' }));
      await store().cache.set(cacheEntry({ key: 'k', studentId: '2' }));
      expect(await store().cache.deleteByStudent('1')).to.equal(0);
      expect(await store().cache.deleteByStudent('2')).to.equal(1);
    });

    it('purges entries stored strictly before a moment', async () => {
      await store().cache.set(cacheEntry({ key: 'old', storedAt: '2025-09-01T07:00:00.000Z' }));
      await store().cache.set(cacheEntry({ key: 'edge', storedAt: '2025-09-01T08:00:00.000Z' }));
      await store().cache.set(cacheEntry({ key: 'new', storedAt: '2025-09-01T09:00:00.000Z' }));
      expect(await store().cache.purgeOlderThan(new Date('2025-09-01T08:00:00.000Z'))).to.equal(1);
      expect(await store().cache.get('old')).to.equal(undefined);
      expect(await store().cache.get('edge')).to.not.equal(undefined);
      expect(await store().cache.count()).to.equal(2);
    });

    it('refuses a storedAt that is not a date', async () => {
      await expectStoreError(store().cache.set(cacheEntry({ key: 'k', storedAt: 'now' })), 'INVALID');
    });

    describe('peek: the shared frozen entry', () => {
      const peek = (key: string) => {
        const cache = store().cache;
        if (!cache.peek) throw new Error('store-suite: every store shares its cache entries (CacheRepo.peek)');
        return cache.peek(key);
      };

      it('hands out the same frozen entry while it is not replaced; get still copies', async () => {
        await store().cache.set(cacheEntry({ key: 'k', value: { list: [1, 2] } }));
        const shared = await peek('k');
        expect(shared?.value).to.deep.equal({ list: [1, 2] });
        expect(await peek('k')).to.equal(shared);
        expect(Object.isFrozen(shared) && Object.isFrozen((shared!.value as { list: number[] }).list)).to.equal(true);
        expect(await store().cache.get('k')).to.not.equal(shared);
        expect(await peek('missing')).to.equal(undefined);
      });

      it("sees the store's own set and delete at once", async () => {
        await store().cache.set(cacheEntry({ key: 'k', value: 1 }));
        const first = await peek('k');
        await store().cache.set(cacheEntry({ key: 'k', value: 2 }));
        const second = await peek('k');
        expect(second).to.not.equal(first);
        expect(second?.value).to.equal(2);
        expect(first?.value).to.equal(1);
        await store().cache.delete('k');
        expect(await peek('k')).to.equal(undefined);
      });

      it("sees the store's own deletes by pupil and guardian and its purge at once", async () => {
        await store().cache.set(cacheEntry({ key: 'student:1', studentId: '1' }));
        await store().cache.set(cacheEntry({ key: 'guardian:G1', kind: 'guardian', guardianId: 'G1' }));
        await store().cache.set(cacheEntry({ key: 'old', storedAt: '2025-09-01T07:00:00.000Z' }));
        await store().cache.set(cacheEntry({ key: 'new', storedAt: '2025-09-01T09:00:00.000Z' }));
        for (const key of ['student:1', 'guardian:G1', 'old', 'new']) expect(await peek(key), key).to.not.equal(undefined);
        await store().cache.deleteByStudent('1');
        await store().cache.deleteByGuardian('G1');
        await store().cache.purgeOlderThan(new Date('2025-09-01T08:00:00.000Z'));
        expect(await peek('student:1')).to.equal(undefined);
        expect(await peek('guardian:G1')).to.equal(undefined);
        expect(await peek('old')).to.equal(undefined);
        expect(await peek('new')).to.not.equal(undefined);
      });
    });

    it('hands out copies', async () => {
      const entry = cacheEntry({ key: 'k', value: { list: [1, 2] } });
      await store().cache.set(entry);
      (entry.value as { list: number[] }).list.push(3);
      ((await store().cache.get<{ list: number[] }>('k'))!.value.list).push(4);
      expect((await store().cache.get('k'))?.value).to.deep.equal({ list: [1, 2] });
    });
  });
}
