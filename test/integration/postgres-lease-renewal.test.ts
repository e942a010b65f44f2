/**
 * A delivery slower than the lease on real PostgreSQL: two workers, each on its own store (as two
 * gateway instances), a 300 ms lease and a receiver that takes 1.5 s. The slow worker renews its
 * claim while the handler runs, so the other worker, passing all the while, never takes the item
 * over: it goes out exactly once. Without the renewal the second worker claims it after 300 ms and
 * delivers it again.
 */
import { expect } from 'chai';
import pino from 'pino';
import { createDeliveryWorker, createOutbox, type DeliveryWorker } from '../../gateway/outbox/index.ts';
import type { PostgresStore } from '../../gateway/store/postgres/index.ts';
import { usePostgresPair } from '../support/postgres-pair.ts';

const LEASE_MS = 300;
const HANDLER_MS = 1_500;
const clock = { now: () => new Date() };
const silent = pino({ level: 'silent' });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('outbox lease renewal on PostgreSQL, two workers', function () {
  this.timeout(60_000);
  const pair = usePostgresPair('lease_renewal', { poolSize: 2 });

  it('keeps the claim of a delivery five times slower than the lease: delivered once', async () => {
    const deliveries: string[] = [];
    const worker = (store: PostgresStore, owner: string): DeliveryWorker => createDeliveryWorker({
      outbox: createOutbox(store, clock), clock, logger: silent, owner, exclusive: false, leaseMs: LEASE_MS,
      handlers: {
        mail: async () => {
          deliveries.push(owner);
          // The slow receiver (an SMTP server taking its time), not a wait for a date.
          await pause(HANDLER_MS);
        },
      },
    });
    const a = worker(pair.stores[0], 'instance-a');
    const b = worker(pair.stores[1], 'instance-b');
    await createOutbox(pair.stores[0], clock).enqueue({ id: 'slow-1', kind: 'mail', payload: {} });

    const slow = a.runOnce();
    let finished = false;
    void slow.finally(() => {
      finished = true;
    });
    const fromB: string[] = [];
    while (!finished) {
      const report = await b.runOnce();
      fromB.push(...report.delivered, ...report.lost);
      await pause(50);
    }
    const report = await slow;

    expect(deliveries, 'handler calls').to.deep.equal(['instance-a']);
    expect(report.delivered).to.deep.equal(['slow-1']);
    expect(fromB, 'the other worker took nothing').to.deep.equal([]);
    const item = (await createOutbox(pair.stores[1], clock).get('slow-1'))!;
    expect(item).to.include({ status: 'delivered', attempts: 1 });
    expect(item, 'the claim ends with the delivery').to.not.have.any.keys('claimedBy', 'leaseUntil');
    expect(item.history.map((h) => h.outcome)).to.deep.equal(['delivered']);
  });
});
