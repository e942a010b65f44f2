import { expect } from 'chai';
import type { Account } from '../../../gateway/store/types.ts';
import { expectStoreError } from './context.ts';
import type { SuiteContext } from './context.ts';
import { account } from './fixtures.ts';

export function accountTests({ describe, it, store }: SuiteContext): void {
  describe('accounts', () => {
    it('creates an account, stores the username lower-cased and finds it by id', async () => {
      const created = await store().accounts.create(account({ id: 'a1', username: 'Fatima.Yilmaz' }));
      expect(created.username).to.equal('fatima.yilmaz');
      expect(await store().accounts.get('a1')).to.deep.equal(created);
      expect(await store().accounts.get('unknown')).to.equal(undefined);
    });

    it('finds by username case-insensitively and by guardianId', async () => {
      await store().accounts.create(account({ id: 'a1', username: 'jan', guardianId: 'g-7' }));
      expect((await store().accounts.findByUsername('JAN'))?.id).to.equal('a1');
      expect((await store().accounts.findByGuardianId('g-7'))?.id).to.equal('a1');
      expect(await store().accounts.findByUsername('piet')).to.equal(undefined);
      expect(await store().accounts.findByGuardianId('g-8')).to.equal(undefined);
    });

    it('refuses a username taken in another case, a taken guardianId and a taken id', async () => {
      await store().accounts.create(account({ id: 'a1', username: 'jan', guardianId: 'g-1' }));
      await expectStoreError(store().accounts.create(account({ id: 'a2', username: 'JAN' })), 'DUPLICATE');
      await expectStoreError(store().accounts.create(account({ id: 'a3', guardianId: 'g-1' })), 'DUPLICATE');
      await expectStoreError(store().accounts.create(account({ id: 'a1', username: 'x', guardianId: 'g-x' })), 'DUPLICATE');
      expect((await store().accounts.list()).map((a) => a.id)).to.deep.equal(['a1']);
    });

    it('deletes an account, freeing its username and guardianId; an unknown id is false', async () => {
      await store().accounts.create(account({ id: 'a1', username: 'jan', guardianId: 'g-1' }));
      await store().accounts.create(account({ id: 'a2', username: 'piet', guardianId: 'g-2' }));
      expect(await store().accounts.delete('a1')).to.equal(true);
      expect(await store().accounts.delete('a1')).to.equal(false);
      expect(await store().accounts.get('a1')).to.equal(undefined);
      expect(await store().accounts.findByUsername('jan')).to.equal(undefined);
      expect(await store().accounts.findByGuardianId('g-1')).to.equal(undefined);
      expect((await store().accounts.list()).map((a) => a.id)).to.deep.equal(['a2']);
      await store().accounts.create(account({ id: 'a3', username: 'jan', guardianId: 'g-1' }));
      expect((await store().accounts.findByUsername('jan'))?.id).to.equal('a3');
    });

    it('updates, returning the new record; id and createdAt stay', async () => {
      const created = await store().accounts.create(account({ id: 'a1' }));
      const patch = { passwordHash: '$argon2id$v=19$x', mustChangePassword: false, id: 'other', createdAt: 'later' };
      const updated = await store().accounts.update('a1', patch as Partial<Account>);
      expect(updated).to.deep.equal({ ...created, passwordHash: '$argon2id$v=19$x', mustChangePassword: false });
      expect(await store().accounts.get('a1')).to.deep.equal(updated);
      expect(await store().accounts.get('other')).to.equal(undefined);
    });

    it('removes a field updated to undefined', async () => {
      await store().accounts.create(account({ id: 'a1', initialSecretHash: 'h', initialSecretExpiresAt: '2025-09-01T00:00:00Z' }));
      const updated = await store().accounts.update('a1', { initialSecretHash: undefined, initialSecretExpiresAt: undefined });
      expect(updated).to.not.have.property('initialSecretHash');
      expect(await store().accounts.get('a1')).to.not.have.property('initialSecretExpiresAt');
    });

    it('fails NOT_FOUND updating an unknown account', async () => {
      await expectStoreError(store().accounts.update('nope', { status: 'disabled' }), 'NOT_FOUND');
    });

    it('refuses an update to a taken username or guardianId and changes nothing', async () => {
      await store().accounts.create(account({ id: 'a1', username: 'jan', guardianId: 'g-1' }));
      await store().accounts.create(account({ id: 'a2', username: 'piet', guardianId: 'g-2' }));
      await expectStoreError(store().accounts.update('a2', { username: 'Jan', status: 'disabled' }), 'DUPLICATE');
      await expectStoreError(store().accounts.update('a2', { guardianId: 'g-1' }), 'DUPLICATE');
      const a2 = await store().accounts.get('a2');
      expect(a2).to.include({ username: 'piet', guardianId: 'g-2', status: 'active' });
      expect((await store().accounts.findByUsername('jan'))?.id).to.equal('a1');
    });

    it('moves the indexes on a username or guardianId change', async () => {
      await store().accounts.create(account({ id: 'a1', username: 'jan', guardianId: 'g-1' }));
      await store().accounts.update('a1', { username: 'JanV', guardianId: 'g-9' });
      expect(await store().accounts.findByUsername('jan')).to.equal(undefined);
      expect(await store().accounts.findByGuardianId('g-1')).to.equal(undefined);
      expect((await store().accounts.findByUsername('janv'))?.guardianId).to.equal('g-9');
      await store().accounts.create(account({ id: 'a2', username: 'jan', guardianId: 'g-1' }));
      expect((await store().accounts.findByUsername('jan'))?.id).to.equal('a2');
    });

    it('lets an account change the case of its own username', async () => {
      await store().accounts.create(account({ id: 'a1', username: 'jan' }));
      expect((await store().accounts.update('a1', { username: 'JAN' })).username).to.equal('jan');
    });

    it('lists in order of creation', async () => {
      for (const id of ['c', 'a', 'b']) await store().accounts.create(account({ id }));
      expect((await store().accounts.list()).map((a) => a.id)).to.deep.equal(['c', 'a', 'b']);
    });

    it('hands out copies and keeps none of the caller\'s objects', async () => {
      const input = account({ id: 'a1', email: 'ouder@example.nl' });
      const created = await store().accounts.create(input);
      input.email = 'changed-input@example.nl';
      created.email = 'changed-result@example.nl';
      (await store().accounts.get('a1'))!.email = 'changed-get@example.nl';
      (await store().accounts.list())[0]!.email = 'changed-list@example.nl';
      (await store().accounts.findByUsername('user-a1'))!.status = 'disabled';
      expect(await store().accounts.get('a1')).to.include({ email: 'ouder@example.nl', status: 'active' });
    });
  });
}
