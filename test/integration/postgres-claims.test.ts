/**
 * Claims on PostgreSQL with real concurrency: several stores (each its own pool, as separate
 * gateway instances have) claiming from one outbox at once, and a row locked by someone else
 * skipped, not waited for (FOR UPDATE SKIP LOCKED).
 */
import { expect } from 'chai';
import pg from 'pg';
import type { PostgresStore } from '../../gateway/store/postgres/index.ts';
import type { ClaimableDoc } from '../../gateway/store/types.ts';
import { usePostgresPair } from '../support/postgres-pair.ts';

const NOW = new Date('2027-03-01T10:00:00.000Z');

describe('outbox claims on PostgreSQL, several instances at once', function () {
  this.timeout(60_000);
  const pair = usePostgresPair('claims', { poolSize: 4 });

  async function seed(count: number): Promise<void> {
    const items = pair.stores[0].collection<ClaimableDoc>('outbox');
    for (let i = 0; i < count; i++) {
      await items.put({ id: `item-${String(i).padStart(3, '0')}`, status: 'pending', nextAttemptAt: new Date(NOW.getTime() - count + i).toISOString() });
    }
  }

  it('hands 300 items to 6 workers on two instances, each item to exactly one', async () => {
    await seed(300);
    const taken = new Map<string, string[]>();
    const worker = async (store: PostgresStore, owner: string) => {
      const items = store.collection<ClaimableDoc>('outbox');
      for (;;) {
        const batch = await items.claim({ owner, now: NOW, leaseMs: 60_000, limit: 5 });
        if (batch.length === 0) return;
        for (const doc of batch) taken.set(doc.id, [...(taken.get(doc.id) ?? []), owner]);
      }
    };
    await Promise.all([0, 1, 2, 3, 4, 5].map((i) => worker(pair.stores[i % 2]!, `instance-${i % 2}/worker-${i}`)));
    expect(taken.size).to.equal(300);
    const twice = [...taken].filter(([, owners]) => owners.length > 1);
    expect(twice, 'claimed by two workers').to.deep.equal([]);
    expect(new Set([...taken.values()].flat()).size, 'the work was spread').to.be.above(1);
    const rows = await pair.db.query<{ owner: string; n: string }>(
      "SELECT doc->>'claimedBy' AS owner, count(*) AS n FROM documents WHERE doc->>'status' = 'delivering' GROUP BY 1",
    );
    expect(rows.reduce((sum, r) => sum + Number(r.n), 0)).to.equal(300);
    for (const row of rows) expect(Number(row.n)).to.equal([...taken.values()].filter((o) => o[0] === row.owner).length);
  });

  it('skips a row another transaction has locked instead of waiting for it', async () => {
    await seed(3);
    const other = new pg.Client({ connectionString: pair.db.url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query("SELECT id FROM documents WHERE id = 'item-000' FOR UPDATE");
      const started = Date.now();
      const claimed = await pair.stores[1].collection<ClaimableDoc>('outbox').claim({ owner: 'b', now: NOW, leaseMs: 60_000, limit: 3 });
      expect(claimed.map((d) => d.id)).to.deep.equal(['item-001', 'item-002']);
      // A claim that waited would still be waiting: the lock is held until the ROLLBACK below.
      expect(Date.now() - started).to.be.below(5_000);
      await other.query('ROLLBACK');
      const rest = await pair.stores[0].collection<ClaimableDoc>('outbox').claim({ owner: 'a', now: NOW, leaseMs: 60_000, limit: 3 });
      expect(rest.map((d) => d.id)).to.deep.equal(['item-000']);
    } finally {
      await other.end();
    }
  });

  it('lets an outcome written after the lease was taken over count for nothing', async () => {
    await seed(1);
    const a = pair.stores[0].collection<ClaimableDoc>('outbox');
    const b = pair.stores[1].collection<ClaimableDoc>('outbox');
    const [mine] = await a.claim({ owner: 'a', now: NOW, leaseMs: 1_000, limit: 1 });
    const later = new Date(NOW.getTime() + 1_000);
    await b.claim({ owner: 'b', now: later, leaseMs: 60_000, limit: 1 });
    expect(await a.putClaimed({ ...mine!, status: 'delivered' }, 'a', NOW), 'a\'s lease was taken over').to.equal(false);
    expect(await b.get(mine!.id)).to.include({ status: 'delivering', claimedBy: 'b' });
  });
});
