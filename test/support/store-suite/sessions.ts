import { expect } from 'chai';
import { expectStoreError } from './context.ts';
import type { SuiteContext } from './context.ts';
import { session } from './fixtures.ts';

const BEFORE = new Date('2025-09-01T11:00:00.000Z');
const EXPIRY = new Date('2025-09-01T12:00:00.000Z');

export function sessionTests({ describe, it, store }: SuiteContext): void {
  describe('sessions', () => {
    it('returns what was set, until it expires', async () => {
      const record = session({ sid: 's1', accountId: 'a1', data: { flash: ['hoi'], n: 1 } });
      await store().sessions.set(record);
      expect(await store().sessions.get('s1', BEFORE)).to.deep.equal(record);
      expect(await store().sessions.get('s1', EXPIRY)).to.equal(undefined);
      expect(await store().sessions.get('s1', new Date(EXPIRY.getTime() + 1))).to.equal(undefined);
      expect(await store().sessions.get('unknown', BEFORE)).to.equal(undefined);
    });

    it('replaces a session on set and destroys it', async () => {
      await store().sessions.set(session({ sid: 's1', data: { step: 1 } }));
      await store().sessions.set(session({ sid: 's1', data: { step: 2 } }));
      expect((await store().sessions.get('s1', BEFORE))?.data).to.deep.equal({ step: 2 });
      await store().sessions.destroy('s1');
      await store().sessions.destroy('never-existed');
      expect(await store().sessions.get('s1', BEFORE)).to.equal(undefined);
    });

    it('ends every session of an account except one, and no one else\'s', async () => {
      for (const sid of ['s1', 's2', 's3']) await store().sessions.set(session({ sid, accountId: 'a1' }));
      await store().sessions.set(session({ sid: 's4', accountId: 'a2' }));
      await store().sessions.set(session({ sid: 's5' }));
      expect(await store().sessions.destroyByAccount('a1', 's2')).to.equal(2);
      expect(await store().sessions.get('s1', BEFORE)).to.equal(undefined);
      expect(await store().sessions.get('s2', BEFORE)).to.not.equal(undefined);
      expect(await store().sessions.get('s4', BEFORE)).to.not.equal(undefined);
      expect(await store().sessions.get('s5', BEFORE)).to.not.equal(undefined);
      expect(await store().sessions.destroyByAccount('a1')).to.equal(1);
      expect(await store().sessions.destroyByAccount('nobody')).to.equal(0);
    });

    it('lists the live sessions of one account only', async () => {
      await store().sessions.set(session({ sid: 's1', accountId: 'a1' }));
      await store().sessions.set(session({ sid: 's2', accountId: 'a1', expiresAt: BEFORE.toISOString() }));
      await store().sessions.set(session({ sid: 's3', accountId: 'a2' }));
      await store().sessions.set(session({ sid: 's4' }));
      const listed = await store().sessions.listByAccount('a1', BEFORE);
      expect(listed.map((s) => s.sid)).to.deep.equal(['s1']);
      expect(await store().sessions.listByAccount('nobody', BEFORE)).to.deep.equal([]);
      listed[0]!.data.changed = true;
      expect((await store().sessions.get('s1', BEFORE))?.data.changed).to.equal(undefined);
    });

    it('follows a session that logs in as another account', async () => {
      await store().sessions.set(session({ sid: 's1', accountId: 'a1' }));
      await store().sessions.set(session({ sid: 's1', accountId: 'a2' }));
      expect(await store().sessions.destroyByAccount('a1')).to.equal(0);
      expect(await store().sessions.destroyByAccount('a2')).to.equal(1);
    });

    it('purges expired sessions only', async () => {
      await store().sessions.set(session({ sid: 'old', expiresAt: '2025-09-01T10:00:00.000Z' }));
      await store().sessions.set(session({ sid: 'edge', expiresAt: BEFORE.toISOString() }));
      await store().sessions.set(session({ sid: 'live', expiresAt: EXPIRY.toISOString() }));
      expect(await store().sessions.purgeExpired(BEFORE)).to.equal(2);
      expect(await store().sessions.purgeExpired(BEFORE)).to.equal(0);
      expect(await store().sessions.get('live', BEFORE)).to.not.equal(undefined);
    });

    it('refuses an expiry that is not a date', async () => {
      await expectStoreError(store().sessions.set(session({ sid: 's1', expiresAt: 'tomorrow' })), 'INVALID');
    });

    it('hands out copies', async () => {
      const record = session({ sid: 's1', data: { cart: { n: 1 } } });
      await store().sessions.set(record);
      (record.data.cart as { n: number }).n = 2;
      const got = await store().sessions.get('s1', BEFORE);
      (got!.data.cart as { n: number }).n = 3;
      expect((await store().sessions.get('s1', BEFORE))?.data).to.deep.equal({ cart: { n: 1 } });
    });
  });
}
