import { expect } from 'chai';
import pino from 'pino';
import { createOutbox, type Outbox } from '../../../gateway/outbox/index.ts';
import { renewLease } from '../../../gateway/outbox/lease-renewal.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import { manualClock } from '../../support/clock.ts';

const silent = pino({ level: 'silent' });

describe('outbox lease renewal', () => {
  it('renews the claim to now + lease, and stop() waits for a renewal in flight', async () => {
    const store = createMemoryStore();
    await store.open();
    const clock = manualClock('2027-03-01T10:00:00Z');
    const real = createOutbox(store, clock);
    let release: (() => void) | undefined;
    const events: string[] = [];
    // The renewal's write is held until the test lets it go: the moment an outcome could race it.
    const outbox: Outbox = {
      ...real,
      async saveClaimed(item, owner) {
        events.push(`renew ${item.leaseUntil}`);
        await new Promise<void>((resolve) => { release = resolve; });
        const kept = await real.saveClaimed(item, owner);
        events.push('renewed');
        return kept;
      },
    };
    await real.enqueue({ id: 'a', kind: 'mail', payload: {} });
    const [claimed] = await real.claim('w', 30, 1);
    clock.advance(10);
    const renewal = renewLease(claimed!, 'w', 30, { outbox, clock, logger: silent });
    while (!release) await new Promise((resolve) => setTimeout(resolve, 5));
    const stopped = renewal.stop().then(() => events.push('stopped'));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(events, 'stop() is still waiting for the write').to.deep.equal(['renew 2027-03-01T10:00:00.040Z']);
    release();
    await stopped;
    expect(events).to.deep.equal(['renew 2027-03-01T10:00:00.040Z', 'renewed', 'stopped']);
    expect(await real.get('a')).to.include({ claimedBy: 'w', leaseUntil: '2027-03-01T10:00:00.040Z' });
    await store.close();
  });
});
