import { expect } from 'chai';
import { expectStoreError, expectThrowsStoreError } from './context.ts';
import type { SuiteContext } from './context.ts';

interface Job {
  id: string;
  state: string;
  attempts?: number[];
}

export function collectionTests({ describe, it, store }: SuiteContext): void {
  describe('collections', () => {
    it('puts, gets, lists and deletes documents', async () => {
      const outbox = store().collection<Job>('outbox');
      await outbox.put({ id: 'm1', state: 'queued' });
      await outbox.put({ id: 'm2', state: 'sent' });
      expect(await outbox.get('m1')).to.deep.equal({ id: 'm1', state: 'queued' });
      expect(await outbox.get('m3')).to.equal(undefined);
      await outbox.delete('m1');
      await outbox.delete('never-existed');
      expect(await outbox.list()).to.deep.equal([{ id: 'm2', state: 'sent' }]);
    });

    it('lists in order of first put, replaces in place, filters', async () => {
      const jobs = store().collection<Job>('jobRuns');
      for (const id of ['c', 'a', 'b']) await jobs.put({ id, state: 'queued' });
      await jobs.put({ id: 'c', state: 'done' });
      expect((await jobs.list()).map((j) => `${j.id}:${j.state}`)).to.deep.equal(['c:done', 'a:queued', 'b:queued']);
      expect((await jobs.list((j) => j.state === 'queued')).map((j) => j.id)).to.deep.equal(['a', 'b']);
    });

    it('keeps collections apart and gives one name one collection', async () => {
      await store().collection<Job>('outbox').put({ id: 'x', state: 'queued' });
      expect(await store().collection<Job>('jobRuns').get('x')).to.equal(undefined);
      expect(await store().collection<Job>('outbox').get('x')).to.deep.equal({ id: 'x', state: 'queued' });
    });

    it('refuses reserved and unsafe names', () => {
      for (const name of ['accounts', 'Sessions', 'cache', 'audit', '', '../etc', 'a/b', '1st', 'x'.repeat(65)]) {
        expectThrowsStoreError(() => store().collection(name), 'INVALID');
      }
    });

    it('refuses a document without an id', async () => {
      await expectStoreError(store().collection<Job>('outbox').put({ state: 'queued' } as Job), 'INVALID');
    });

    it('hands out copies, also to the filter', async () => {
      const jobs = store().collection<Job>('jobRuns');
      const doc = { id: 'j1', state: 'queued', attempts: [1] };
      await jobs.put(doc);
      doc.attempts.push(2);
      (await jobs.get('j1'))!.attempts!.push(3);
      await jobs.list((j) => {
        j.attempts!.push(4);
        return true;
      });
      expect(await jobs.get('j1')).to.deep.equal({ id: 'j1', state: 'queued', attempts: [1] });
    });
  });
}
