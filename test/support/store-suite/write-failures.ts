import { expect } from 'chai';
import type { Store } from '../../../gateway/store/types.ts';
import { expectStoreError } from './context.ts';
import type { SuiteContext } from './context.ts';
import { account, auditRecord, session } from './fixtures.ts';

/** How a store's writes are broken for a test: one kind's writes fail with `reason` (ENOSPC, EROFS). */
export interface WriteFaults {
  fail(store: Store, kind: string, reason: 'ENOSPC' | 'EROFS'): void;
  /** Writes succeed again. */
  heal(store: Store): void;
}

const NOW = new Date('2025-09-01T11:00:00.000Z');

/** Background retries end a failure; waits for it (the deadline only bounds a broken store). */
async function healthy(store: Store): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!store.health().ok) {
    if (Date.now() > deadline) throw new Error(`store-suite: still failing: ${JSON.stringify(store.health())}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Every store reports its health; stores whose writes can be broken prove nothing unkept is acknowledged. */
export function healthTests({ describe, it, store }: SuiteContext, faults?: WriteFaults): void {
  describe('health', () => {
    it('reports a fresh store as ok', async () => {
      await store().accounts.create(account({ id: 'a1' }));
      await store().flush();
      const health = store().health();
      expect(health.ok).to.equal(true);
      expect(health.kinds.every((k) => !k.failing)).to.equal(true);
    });
  });
  if (!faults) return;

  describe('write failures: nothing unkept is acknowledged', () => {
    it('rolls back a write that failed, reports the kind failing without a path, and refuses further changes', async () => {
      const s = store();
      await s.audit.append(auditRecord({ id: 'kept', at: '2025-09-01T08:00:00.000Z' }));
      await s.flush();
      faults.fail(s, 'audit', 'ENOSPC');
      await s.audit.append(auditRecord({ id: 'lost', at: '2025-09-01T09:00:00.000Z' }));
      await expectStoreError(s.flush(), 'UNAVAILABLE');
      await expectStoreError(s.flush(), 'UNAVAILABLE');

      expect((await s.audit.query({})).map((r) => r.id)).to.deep.equal(['kept']);
      const health = s.health();
      expect(health.ok).to.equal(false);
      const audit = health.kinds.find((k) => k.kind === 'audit');
      expect(audit).to.include({ failing: true });
      expect(audit?.lastError?.reason).to.equal('ENOSPC');
      expect(JSON.stringify(health), 'no file names or paths').not.to.match(/[/\\]|\.json/);
      await expectStoreError(s.audit.append(auditRecord({ id: 'refused', at: '2025-09-01T10:00:00.000Z' })), 'UNAVAILABLE');
      await expectStoreError(s.audit.purgeOlderThan(NOW), 'UNAVAILABLE');
      expect((await s.audit.query({})).map((r) => r.id)).to.deep.equal(['kept']);
      faults.heal(s);
      await healthy(s);
    });

    it('keeps other kinds writable, and accepts changes again once the kind can be written', async () => {
      const s = store();
      faults.fail(s, 'audit', 'EROFS');
      await s.audit.append(auditRecord({ id: 'lost', at: '2025-09-01T09:00:00.000Z' }));
      await s.flush().catch(() => {});
      await s.sessions.set(session({ sid: 's1' }));
      expect(await s.sessions.get('s1', new Date('2025-09-01T10:00:00.000Z'))).to.not.equal(undefined);
      expect(s.health().kinds.find((k) => k.kind === 'audit')?.lastError?.reason).to.equal('EROFS');

      faults.heal(s);
      await healthy(s);
      await s.audit.append(auditRecord({ id: 'after', at: '2025-09-01T10:00:00.000Z' }));
      await s.flush();
      expect((await s.audit.query({})).map((r) => r.id)).to.deep.equal(['after']);
      expect(s.health().kinds.find((k) => k.kind === 'audit')).to.include({ failing: false });
    });

    it('rolls back a change of one collection document and refuses the same change again', async () => {
      const s = store();
      const outbox = s.collection<{ id: string; n: number }>('outbox');
      await outbox.put({ id: 'm1', n: 1 });
      await s.flush();
      faults.fail(s, 'outbox', 'ENOSPC');
      await outbox.put({ id: 'm1', n: 2 });
      await outbox.put({ id: 'm2', n: 1 });
      await s.flush().catch(() => {});
      expect(await outbox.list()).to.deep.equal([{ id: 'm1', n: 1 }]);
      await expectStoreError(outbox.put({ id: 'm2', n: 1 }), 'UNAVAILABLE');
      await expectStoreError(outbox.delete('m1'), 'UNAVAILABLE');
      faults.heal(s);
      await healthy(s);
    });
  });
}
