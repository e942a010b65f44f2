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

    it('hands out copies', async () => {
      const entry = cacheEntry({ key: 'k', value: { list: [1, 2] } });
      await store().cache.set(entry);
      (entry.value as { list: number[] }).list.push(3);
      ((await store().cache.get<{ list: number[] }>('k'))!.value.list).push(4);
      expect((await store().cache.get('k'))?.value).to.deep.equal({ list: [1, 2] });
    });
  });
}
