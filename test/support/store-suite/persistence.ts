import { expect } from 'chai';
import type { SuiteContext } from './context.ts';
import { account, auditRecord, cacheEntry, session } from './fixtures.ts';

const NOW = new Date('2025-09-01T11:00:00.000Z');

export function persistenceTests({ describe, it, store, reopen }: SuiteContext): void {
  describe('persistence', () => {
    it('keeps every kind across close and reopen, indexes included', async () => {
      const s = store();
      await s.accounts.create(account({ id: 'a1', username: 'Jan', guardianId: 'g-1' }));
      await s.sessions.set(session({ sid: 's1', accountId: 'a1', data: { n: 1 } }));
      await s.cache.set(cacheEntry({ key: 'student:1', studentId: '1', value: { groep: 5 } }));
      await s.audit.append(auditRecord({ id: 'r2', at: '2025-09-01T09:00:00.000Z' }));
      await s.audit.append(auditRecord({ id: 'r1', at: '2025-09-01T08:00:00.000Z' }));
      await s.collection<{ id: string; to: string }>('outbox').put({ id: 'm1', to: 'ouder@example.nl' });

      const again = await reopen();
      expect((await again.accounts.findByUsername('JAN'))?.id).to.equal('a1');
      expect((await again.accounts.findByGuardianId('g-1'))?.id).to.equal('a1');
      expect((await again.sessions.get('s1', NOW))?.data).to.deep.equal({ n: 1 });
      expect(await again.sessions.destroyByAccount('a1')).to.equal(1);
      expect((await again.cache.get('student:1'))?.value).to.deep.equal({ groep: 5 });
      expect(await again.cache.deleteByStudent('1')).to.equal(1);
      expect((await again.audit.query({})).map((r) => r.id)).to.deep.equal(['r2', 'r1']);
      expect(await again.collection('outbox').get('m1')).to.deep.equal({ id: 'm1', to: 'ouder@example.nl' });
    });

    it('keeps updates and deletions, and the uniqueness rules still hold', async () => {
      const s = store();
      await s.accounts.create(account({ id: 'a1', username: 'jan', guardianId: 'g-1' }));
      await s.accounts.update('a1', { status: 'disabled' });
      await s.sessions.set(session({ sid: 's1' }));
      await s.sessions.destroy('s1');
      await s.cache.set(cacheEntry({ key: 'k' }));
      await s.cache.delete('k');
      await s.audit.append(auditRecord({ id: 'r1', at: '2025-09-01T08:00:00.000Z' }));
      await s.audit.purgeOlderThan(new Date('2025-09-02T00:00:00.000Z'));
      await s.collection('outbox').put({ id: 'm1' });
      await s.collection('outbox').delete('m1');
      await s.accounts.create(account({ id: 'gone', username: 'weg', guardianId: 'g-weg' }));
      await s.accounts.delete('gone');

      const again = await reopen();
      expect((await again.accounts.get('a1'))?.status).to.equal('disabled');
      expect(await again.accounts.get('gone'), 'a deleted account stays deleted').to.equal(undefined);
      expect(await again.accounts.findByUsername('weg')).to.equal(undefined);
      expect(await again.sessions.get('s1', NOW)).to.equal(undefined);
      expect(await again.cache.count()).to.equal(0);
      expect(await again.audit.query({})).to.deep.equal([]);
      expect(await again.collection('outbox').list()).to.deep.equal([]);
      let duplicate: unknown;
      await again.accounts.create(account({ id: 'a2', username: 'JAN' })).catch((err: unknown) => (duplicate = err));
      expect(duplicate).to.have.property('code', 'DUPLICATE');
    });

    it('keeps data across two reopens', async () => {
      await store().collection('jobRuns').put({ id: 'j1' });
      await (await reopen()).collection('jobRuns').put({ id: 'j2' });
      expect((await (await reopen()).collection('jobRuns').list()).map((d) => d.id)).to.deep.equal(['j1', 'j2']);
    });
  });
}
