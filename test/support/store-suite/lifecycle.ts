import { expect } from 'chai';
import { expectStoreError } from './context.ts';
import type { SuiteContext } from './context.ts';
import { account, auditRecord, cacheEntry, session } from './fixtures.ts';

export function lifecycleTests({ describe, it, store }: SuiteContext): void {
  describe('lifecycle', () => {
    it('flushes, and flushes again with nothing to do', async () => {
      await store().accounts.create(account({ id: 'a1' }));
      await store().flush();
      await store().flush();
      expect(await store().accounts.get('a1')).to.not.equal(undefined);
    });

    it('refuses every call once closed, and closing twice is harmless', async () => {
      const closed = store();
      await closed.close();
      await closed.close();
      await expectStoreError(closed.accounts.get('a1'), 'CLOSED');
      await expectStoreError(closed.accounts.create(account({ id: 'a1' })), 'CLOSED');
      await expectStoreError(closed.sessions.set(session({ sid: 's1' })), 'CLOSED');
      await expectStoreError(closed.cache.set(cacheEntry({ key: 'k' })), 'CLOSED');
      await expectStoreError(closed.cache.count(), 'CLOSED');
      await expectStoreError(closed.audit.append(auditRecord({ id: 'r', at: '2025-09-01T08:00:00Z' })), 'CLOSED');
      await expectStoreError(closed.collection('outbox').list(), 'CLOSED');
    });
  });
}
