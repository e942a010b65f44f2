import { expect } from 'chai';
import type { ClaimableDoc } from '../../../gateway/store/types.ts';
import { expectStoreError } from './context.ts';
import type { SuiteContext } from './context.ts';

interface Item extends ClaimableDoc {
  n: number;
}

const T0 = new Date('2027-03-01T10:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const pending = (id: string, n: number, dueInSeconds = 0): Item => ({ id, n, status: 'pending', nextAttemptAt: at(dueInSeconds).toISOString() });

/** Claims with leases (DocumentRepo.claim / putClaimed) and create-if-absent (DocumentRepo.create). */
export function claimTests({ describe, it, store }: SuiteContext): void {
  describe('claims on documents', () => {
    it('claims due pending documents, earliest first, marking them delivering under a lease', async () => {
      const items = store().collection<Item>('outbox');
      await items.put(pending('late', 1, 30));
      await items.put(pending('b', 2, -10));
      await items.put(pending('a', 3, -20));
      await items.put({ ...pending('done', 4, -30), status: 'delivered' });
      const claimed = await items.claim({ owner: 'w1', now: T0, leaseMs: 60_000, limit: 5 });
      expect(claimed.map((d) => d.id)).to.deep.equal(['a', 'b']);
      expect(claimed[0]).to.deep.equal({ ...pending('a', 3, -20), status: 'delivering', claimedBy: 'w1', leaseUntil: at(60).toISOString() });
      expect(await items.get('b')).to.include({ status: 'delivering', claimedBy: 'w1' });
      expect(await items.get('late')).to.include({ status: 'pending' });
      expect(await items.claim({ owner: 'w2', now: T0, leaseMs: 60_000, limit: 5 }), 'held by w1').to.deep.equal([]);
    });

    it('gives two claims at the same moment disjoint documents, and every due one to somebody', async () => {
      const items = store().collection<Item>('outbox');
      for (let i = 0; i < 12; i++) await items.put(pending(`m${String(i).padStart(2, '0')}`, i));
      const request = (owner: string) => items.claim({ owner, now: T0, leaseMs: 60_000, limit: 7 });
      const [one, two] = await Promise.all([request('w1'), request('w2')]);
      const ids = [...one!, ...two!].map((d) => d.id);
      expect(new Set(ids).size, 'no document twice').to.equal(ids.length);
      expect(ids.sort()).to.have.length(12);
      for (const doc of one!) expect((await items.get(doc.id))!.claimedBy).to.equal('w1');
      for (const doc of two!) expect((await items.get(doc.id))!.claimedBy).to.equal('w2');
    });

    it('makes a document claimable again once its lease has run out, and only then', async () => {
      const items = store().collection<Item>('outbox');
      await items.put(pending('a', 1));
      await items.claim({ owner: 'killed', now: T0, leaseMs: 30_000, limit: 1 });
      expect(await items.claim({ owner: 'w2', now: at(29.999), leaseMs: 30_000, limit: 1 })).to.deep.equal([]);
      const [again] = await items.claim({ owner: 'w2', now: at(30), leaseMs: 30_000, limit: 1 });
      expect(again).to.include({ id: 'a', n: 1, status: 'delivering', claimedBy: 'w2', leaseUntil: at(60).toISOString() });
    });

    it('writes a claimed document back only under a valid lease', async () => {
      const items = store().collection<Item>('outbox');
      await items.put(pending('a', 1));
      const [mine] = await items.claim({ owner: 'w1', now: T0, leaseMs: 30_000, limit: 1 });
      expect(await items.putClaimed({ ...mine!, n: 2 }, 'w1', at(10)), 'w1 holds it').to.equal(true);
      expect(await items.putClaimed({ ...mine!, n: 3 }, 'w2', at(10)), 'not w2').to.equal(false);
      expect(await items.putClaimed({ ...mine!, n: 4 }, 'w1', at(30)), 'the lease ran out').to.equal(false);
      expect(await items.get('a')).to.include({ n: 2, claimedBy: 'w1' });
      // w2 claims it after the lease; w1's late outcome no longer counts.
      await items.claim({ owner: 'w2', now: at(31), leaseMs: 30_000, limit: 1 });
      expect(await items.putClaimed({ ...mine!, status: 'delivered', n: 5 }, 'w1', at(20))).to.equal(false);
      const { claimedBy: _c, leaseUntil: _l, ...done } = { ...mine!, status: 'delivered', n: 6 };
      expect(await items.putClaimed(done, 'w2', at(40))).to.equal(true);
      expect(await items.get('a')).to.deep.equal(done);
      expect(await items.putClaimed({ ...done, n: 7 }, 'w2', at(41)), 'the claim ended with the write').to.equal(false);
      expect(await items.putClaimed(pending('never-put', 1), 'w2', at(41))).to.equal(false);
      expect(await items.get('never-put')).to.equal(undefined);
    });

    it('claims a document holding a NUL character like any other, and keeps it exactly', async () => {
      const items = store().collection<Item & { text: string }>('outbox');
      await items.put({ ...pending('nul', 1), text: 'a\u0000b' });
      await items.put({ ...pending('plain', 2, 1), text: 'ab' });
      const claimed = await items.claim({ owner: 'w1', now: at(1), leaseMs: 60_000, limit: 5 });
      expect(claimed.map((d) => [d.id, d.text])).to.deep.equal([['nul', 'a\u0000b'], ['plain', 'ab']]);
      expect(await items.putClaimed({ ...claimed[0]!, status: 'delivered' }, 'w1', at(2))).to.equal(true);
      expect(await items.get('nul')).to.include({ status: 'delivered', text: 'a\u0000b' });
    });

    it('refuses a claim without an owner, a positive limit or a lease', async () => {
      const items = store().collection<Item>('outbox');
      await expectStoreError(items.claim({ owner: '', now: T0, leaseMs: 1_000, limit: 1 }), 'INVALID');
      await expectStoreError(items.claim({ owner: 'w', now: T0, leaseMs: 1_000, limit: 0 }), 'INVALID');
      await expectStoreError(items.claim({ owner: 'w', now: T0, leaseMs: 0, limit: 1 }), 'INVALID');
    });

    it('creates a document only when its id is free, also for creates at the same moment', async () => {
      const slots = store().collection<{ id: string; by: string }>('jobSlots');
      const outcomes = await Promise.all(['a', 'b', 'c', 'd'].map((by) => slots.create({ id: 'nightly|2027-03-02T01:00', by })));
      expect(outcomes.filter(Boolean)).to.have.length(1);
      const winner = ['a', 'b', 'c', 'd'][outcomes.indexOf(true)];
      expect(await slots.get('nightly|2027-03-02T01:00')).to.deep.equal({ id: 'nightly|2027-03-02T01:00', by: winner });
      expect(await slots.create({ id: 'nightly|2027-03-03T01:00', by: 'a' })).to.equal(true);
      expect((await slots.list()).map((d) => d.id)).to.deep.equal(['nightly|2027-03-02T01:00', 'nightly|2027-03-03T01:00']);
      await expectStoreError(slots.create({ id: '', by: 'a' }), 'INVALID');
    });
  });
}
