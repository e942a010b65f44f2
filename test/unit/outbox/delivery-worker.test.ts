import { expect } from 'chai';
import pino from 'pino';
import {
  createDeliveryWorker, createOutbox, DeliveryError, retryDelayMs, type BackoffPolicy, type DeliveryHandler,
} from '../../../gateway/outbox/index.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import type { Store } from '../../../gateway/store/types.ts';
import { manualClock, type ManualClock } from '../../support/clock.ts';

const POLICY: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000, maxAttempts: 4 };
const silent = pino({ level: 'silent' });

describe('outbox and delivery worker', () => {
  let store: Store;
  let clock: ManualClock;

  beforeEach(async () => {
    store = createMemoryStore();
    await store.open();
    clock = manualClock('2027-03-01T10:00:00Z');
  });
  afterEach(() => store.close());

  function setUp(handler: DeliveryHandler<{ n: number }>, random = () => 0.5) {
    const outbox = createOutbox(store, clock);
    const worker = createDeliveryWorker({ outbox, clock, logger: silent, handlers: { mail: handler }, backoff: POLICY, random });
    return { outbox, worker };
  }

  it('keeps one item per delivery key: the second enqueue returns the first, unchanged', async () => {
    const { outbox } = setUp(async () => undefined);
    const first = await outbox.enqueue({ id: 'k1', kind: 'mail', payload: { n: 1 } });
    const second = await outbox.enqueue({ id: 'k1', kind: 'mail', payload: { n: 2 } });
    expect(first.created).to.equal(true);
    expect(second.created).to.equal(false);
    expect(second.item.payload).to.deep.equal({ n: 1 });
    expect(await outbox.list()).to.have.length(1);
  });

  it('delivers each due item once, records the receipt, and never again', async () => {
    const seen: string[] = [];
    const { outbox, worker } = setUp(async (item) => {
      seen.push(item.id);
      return { messageId: `<${item.id}@test>` };
    });
    await outbox.enqueue({ id: 'a', kind: 'mail', payload: { n: 1 } });
    await outbox.enqueue({ id: 'b', kind: 'mail', payload: { n: 2 }, notBefore: new Date('2027-03-01T11:00:00Z') });
    expect((await worker.runOnce()).delivered).to.deep.equal(['a']);
    clock.set('2027-03-01T11:00:00Z');
    expect((await worker.runOnce()).delivered).to.deep.equal(['b']);
    await worker.runOnce();
    expect(seen).to.deep.equal(['a', 'b']);
    const a = await outbox.get('a');
    expect(a).to.include({ status: 'delivered', attempts: 1, deliveredAt: '2027-03-01T10:00:00.000Z' });
    expect(a!.receipt).to.deep.equal({ messageId: '<a@test>' });
    expect(a!.history.map((h) => h.outcome)).to.deep.equal(['delivered']);
  });

  it('retries a transient failure after a jittered backoff, and delivers once the receiver is back', async () => {
    let down = true;
    let sent = 0;
    const { outbox, worker } = setUp(async () => {
      if (down) throw new Error('ECONNREFUSED');
      sent += 1;
    });
    await outbox.enqueue({ id: 'a', kind: 'mail', payload: { n: 1 } });
    expect((await worker.runOnce()).retried).to.deep.equal(['a']);
    // attempt 1: cap 1 s, jitter 0.5 → 0.1 + 0.45 = 55 % of 1 s
    expect((await outbox.get('a'))!.nextAttemptAt).to.equal('2027-03-01T10:00:00.550Z');
    clock.advance(549);
    expect((await worker.runOnce()).retried).to.deep.equal([]);
    clock.advance(1);
    await worker.runOnce();
    // attempt 2: cap 2 s → 1.1 s
    expect((await outbox.get('a'))!.nextAttemptAt).to.equal('2027-03-01T10:00:01.650Z');
    down = false;
    clock.advance(1_100);
    expect((await worker.runOnce()).delivered).to.deep.equal(['a']);
    clock.advance(3_600_000);
    await worker.runOnce();
    expect(sent).to.equal(1);
    const item = await outbox.get('a');
    expect(item).to.include({ status: 'delivered', attempts: 3 });
    expect(item!.history.map((h) => h.outcome)).to.deep.equal(['retry', 'retry', 'delivered']);
    expect(item!.history[0]!.error).to.equal('ECONNREFUSED');
  });

  it('a clock that steps back delays a retry by no more than its interval', async () => {
    let down = true;
    const { outbox, worker } = setUp(async () => {
      if (down) throw new Error('ECONNREFUSED');
    });
    await outbox.enqueue({ id: 'a', kind: 'mail', payload: { n: 1 } });
    await worker.runOnce();
    expect((await outbox.get('a'))!.nextAttemptAt).to.equal('2027-03-01T10:00:00.550Z');
    // NTP steps the clock back six hours.
    clock.set('2027-03-01T04:00:00Z');
    expect((await worker.runOnce()).retried).to.deep.equal([]);
    expect((await outbox.get('a'))!.nextAttemptAt, 're-anchored: the same 550 ms wait, from now').to.equal('2027-03-01T04:00:00.550Z');
    down = false;
    clock.advance(550);
    expect((await worker.runOnce()).delivered).to.deep.equal(['a']);
  });
  it('waits at least as long as the receiver asks (Retry-After)', async () => {
    const { outbox, worker } = setUp(async () => {
      throw new DeliveryError('busy', { retryAfterMs: 120_000 });
    });
    await outbox.enqueue({ id: 'a', kind: 'mail', payload: { n: 1 } });
    await worker.runOnce();
    expect((await outbox.get('a'))!.nextAttemptAt).to.equal('2027-03-01T10:02:00.000Z');
  });

  it('parks a permanent failure for an operator at once, and keeps it', async () => {
    let calls = 0;
    const { outbox, worker } = setUp(async () => {
      calls += 1;
      throw new DeliveryError('550 mailbox unknown', { permanent: true });
    });
    await outbox.enqueue({ id: 'a', kind: 'mail', payload: { n: 1 } });
    expect((await worker.runOnce()).parked).to.deep.equal(['a']);
    clock.advance(86_400_000);
    await worker.runOnce();
    expect(calls).to.equal(1);
    expect(await outbox.get('a')).to.include({ status: 'attention', lastError: '550 mailbox unknown' });
  });

  it('parks after maxAttempts transient failures; an operator requeues it and it goes out', async () => {
    let fail = true;
    const { outbox, worker } = setUp(async () => {
      if (fail) throw new Error('timeout');
    }, () => 0);
    await outbox.enqueue({ id: 'a', kind: 'mail', payload: { n: 1 } });
    for (let i = 0; i < POLICY.maxAttempts; i++) {
      await worker.runOnce();
      clock.advance(POLICY.maxMs);
    }
    expect(await outbox.get('a')).to.include({ status: 'attention', attempts: POLICY.maxAttempts });
    fail = false;
    await outbox.requeue('a');
    expect((await worker.runOnce()).delivered).to.deep.equal(['a']);
    expect((await outbox.get('a'))!.history).to.have.length(POLICY.maxAttempts + 1);
  });

  it('holds an item with a delivery window to it: a retry falling due after closing waits for the next opening, uncounted', async () => {
    let down = true;
    const sentAt: string[] = [];
    const { outbox, worker } = setUp(async () => {
      if (down) throw new Error('ECONNREFUSED');
      sentAt.push(clock.now().toISOString());
    });
    const window = { from: '16:00', to: '20:00', timeZone: 'Europe/Amsterdam' };
    clock.set('2027-03-01T18:59:50Z'); // 19:59:50 CET
    await outbox.enqueue({ id: 'a', kind: 'mail', payload: { n: 1 }, window });
    expect((await worker.runOnce()).retried).to.deep.equal(['a']);
    down = false;
    clock.set('2027-03-01T19:00:00.550Z'); // the retry falls due at 20:00:00.550
    expect(await worker.runOnce()).to.deep.equal({ delivered: [], retried: [], parked: [], deferred: ['a'], lost: [] });
    const held = (await outbox.get('a'))!;
    expect(held).to.include({ status: 'pending', attempts: 1, nextAttemptAt: '2027-03-02T15:00:00.000Z' });
    expect(held.window).to.deep.equal(window);
    expect(held.history.map((h) => h.outcome), 'holding back is not an attempt').to.deep.equal(['retry']);
    clock.set('2027-03-02T14:59:59Z');
    expect(await worker.runOnce()).to.deep.equal({ delivered: [], retried: [], parked: [], deferred: [], lost: [] });
    clock.set('2027-03-02T15:00:00Z');
    expect((await worker.runOnce()).delivered).to.deep.equal(['a']);
    clock.advance(60_000);
    await worker.runOnce();
    expect(sentAt).to.deep.equal(['2027-03-02T15:00:00.000Z']);
    expect(await outbox.get('a')).to.include({ status: 'delivered', attempts: 2 });
  });

  it('holds a windowed item requeued by an operator at night until the window opens', async () => {
    const { outbox, worker } = setUp(async () => {
      throw new DeliveryError('550', { permanent: true });
    });
    clock.set('2027-03-01T16:00:00Z'); // 17:00 CET
    await outbox.enqueue({ id: 'a', kind: 'mail', payload: { n: 1 }, window: { from: '16:00', to: '20:00', timeZone: 'Europe/Amsterdam' } });
    expect((await worker.runOnce()).parked).to.deep.equal(['a']);
    clock.set('2027-03-01T22:00:00Z');
    await outbox.requeue('a');
    expect((await worker.runOnce()).deferred).to.deep.equal(['a']);
    expect((await outbox.get('a'))!.nextAttemptAt).to.equal('2027-03-02T15:00:00.000Z');
  });

  it('refuses to queue an item with a window it could not honour', async () => {
    const { outbox } = setUp(async () => undefined);
    let error: unknown;
    try {
      await outbox.enqueue({ id: 'a', kind: 'mail', payload: { n: 1 }, window: { from: '20:00', to: '16:00', timeZone: 'Europe/Amsterdam' } });
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(TypeError);
    expect(await outbox.list()).to.deep.equal([]);
  });

  it('purges only a delivered item (retention); pending and parked ones stay', async () => {
    const { outbox, worker } = setUp(async (item) => {
      if (item.payload.n === 2) throw new DeliveryError('550', { permanent: true });
    });
    await outbox.enqueue({ id: 'sent', kind: 'mail', payload: { n: 1 } });
    await outbox.enqueue({ id: 'parked', kind: 'mail', payload: { n: 2 } });
    await worker.runOnce();
    await outbox.enqueue({ id: 'waiting', kind: 'mail', payload: { n: 3 } });
    expect(await outbox.purgeDelivered('sent')).to.equal(true);
    expect(await outbox.purgeDelivered('parked')).to.equal(false);
    expect(await outbox.purgeDelivered('waiting')).to.equal(false);
    expect(await outbox.purgeDelivered('unknown')).to.equal(false);
    expect((await outbox.list()).map((i) => i.id).sort()).to.deep.equal(['parked', 'waiting']);
  });

  it('parks an item of a kind nobody delivers, naming the kind', async () => {
    const { outbox, worker } = setUp(async () => undefined);
    await outbox.enqueue({ id: 'x', kind: 'fax', payload: {} });
    await worker.runOnce();
    expect(await outbox.get('x')).to.include({ status: 'attention', lastError: 'no delivery handler for kind "fax"' });
  });

  it('runs one pass at a time: a second runOnce during a pass does not deliver twice', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const { outbox, worker } = setUp(async () => {
      calls += 1;
      await gate;
    });
    await outbox.enqueue({ id: 'a', kind: 'mail', payload: { n: 1 } });
    const first = worker.runOnce();
    const second = worker.runOnce();
    release();
    await Promise.all([first, second]);
    await worker.stop();
    expect(calls).to.equal(1);
  });

  it('puts an item a stopped process left claimed back in the queue at start (this process alone on the store)', async () => {
    const { outbox, worker } = setUp(async () => undefined);
    await outbox.enqueue({ id: 'a', kind: 'mail', payload: { n: 1 } });
    expect(await outbox.claim('a-process-that-stopped', 60_000, 10)).to.have.length(1);
    expect(await worker.runOnce(), 'its lease still holds').to.deep.equal({ delivered: [], retried: [], parked: [], deferred: [], lost: [] });
    expect(await worker.recover()).to.deep.equal(['a']);
    expect((await worker.runOnce()).delivered).to.deep.equal(['a']);
  });

  it('on a shared store leaves another worker\'s claim alone until its lease runs out, then delivers it with the same key', async () => {
    const keys: string[] = [];
    const outbox = createOutbox(store, clock);
    const worker = createDeliveryWorker({
      outbox, clock, logger: silent, handlers: { mail: async (item) => { keys.push(item.id); } }, exclusive: false, leaseMs: 30_000,
    });
    await outbox.enqueue({ id: 'a', kind: 'mail', payload: { n: 1 } });
    const [claimed] = await outbox.claim('killed-instance', 60_000, 1);
    expect(claimed).to.include({ status: 'delivering', claimedBy: 'killed-instance', leaseUntil: '2027-03-01T10:01:00.000Z' });
    expect(await worker.recover(), 'another instance may be delivering it').to.deep.equal([]);
    expect((await worker.runOnce()).delivered).to.deep.equal([]);
    clock.advance(60_000);
    expect((await worker.runOnce()).delivered).to.deep.equal(['a']);
    expect(keys).to.deep.equal(['a']);
    const done = (await outbox.get('a'))!;
    expect(done).to.include({ status: 'delivered', attempts: 1 });
    expect(done, 'the claim ends with the delivery').to.not.have.any.keys('claimedBy', 'leaseUntil');
  });

  it('does not write an outcome once its lease has run out: the item stays for the next claim', async () => {
    const outbox = createOutbox(store, clock);
    const other = createOutbox(store, clock);
    let calls = 0;
    const worker = createDeliveryWorker({
      outbox, clock, logger: silent, exclusive: false, leaseMs: 10_000, owner: 'slow',
      handlers: {
        mail: async () => {
          calls += 1;
          if (calls > 1) return;
          // The receiver takes longer than the lease; meanwhile another worker claims the item.
          clock.advance(20_000);
          expect(await other.claim('fast', 10_000, 1)).to.have.length(1);
        },
      },
    });
    await outbox.enqueue({ id: 'a', kind: 'mail', payload: { n: 1 } });
    expect(await worker.runOnce()).to.deep.include({ delivered: [], lost: ['a'] });
    expect(await outbox.get('a')).to.include({ status: 'delivering', claimedBy: 'fast' });
    clock.advance(10_000);
    expect((await worker.runOnce()).delivered).to.deep.equal(['a']);
    expect(await outbox.get('a')).to.include({ status: 'delivered', attempts: 2 });
  });
});

describe('retryDelayMs', () => {
  it('doubles the cap per attempt up to maxMs, with jitter between 10 % and 100 % of the cap', () => {
    const policy = { baseMs: 1_000, maxMs: 8_000, maxAttempts: 10 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, policy, () => 0))).to.deep.equal([100, 200, 400, 800, 800]);
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, policy, () => 0.999999))).to.deep.equal([1_000, 2_000, 4_000, 8_000, 8_000]);
    expect(retryDelayMs(1, policy, () => 0, 30_000)).to.equal(30_000);
  });
});
