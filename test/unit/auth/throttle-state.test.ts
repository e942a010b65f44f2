import { expect } from 'chai';
import { createMemoryThrottleState } from '../../../gateway/auth/throttle-state.ts';

const T0 = Date.parse('2026-03-01T09:00:00Z');
const at = (ms: number): Date => new Date(T0 + ms);

describe('memory throttle state', () => {
  it('counts up and reports first and last failure', async () => {
    const state = createMemoryThrottleState();
    await state.increment('k', at(0), { ttlMs: 60_000, mode: 'sliding' });
    const second = await state.increment('k', at(10_000), { ttlMs: 60_000, mode: 'sliding' });
    expect(second).to.deep.equal({ count: 2, firstAt: T0, lastAt: T0 + 10_000, expiresAt: T0 + 70_000 });
    expect(await state.get('k', at(10_000))).to.deep.equal(second);
  });

  it('sliding expiry moves with each increment; fixed expiry keeps its window', async () => {
    const state = createMemoryThrottleState();
    await state.increment('s', at(0), { ttlMs: 60_000, mode: 'sliding' });
    await state.increment('f', at(0), { ttlMs: 60_000, mode: 'fixed' });
    await state.increment('s', at(50_000), { ttlMs: 60_000, mode: 'sliding' });
    await state.increment('f', at(50_000), { ttlMs: 60_000, mode: 'fixed' });
    expect((await state.get('s', at(100_000)))?.count).to.equal(2);
    expect(await state.get('f', at(60_000))).to.equal(undefined);
  });

  it('starts over after expiry', async () => {
    const state = createMemoryThrottleState();
    await state.increment('k', at(0), { ttlMs: 1000, mode: 'fixed' });
    await state.increment('k', at(500), { ttlMs: 1000, mode: 'fixed' });
    expect(await state.get('k', at(999))).to.include({ count: 2 });
    expect(await state.get('k', at(1000))).to.equal(undefined);
    expect(await state.increment('k', at(1500), { ttlMs: 1000, mode: 'fixed' })).to.include({ count: 1, firstAt: T0 + 1500 });
  });

  it('set and delete', async () => {
    const state = createMemoryThrottleState();
    await state.set('k', { count: 7, firstAt: T0, lastAt: T0, expiresAt: T0 + 5000 });
    expect(await state.get('k', at(1000))).to.include({ count: 7 });
    await state.delete('k');
    expect(await state.get('k', at(1000))).to.equal(undefined);
  });

  it('hands out copies: callers cannot change the stored counter', async () => {
    const state = createMemoryThrottleState();
    const c = await state.increment('k', at(0), { ttlMs: 60_000, mode: 'fixed' });
    c.count = 99;
    const read = await state.get('k', at(0));
    if (read) read.count = 42;
    expect(await state.get('k', at(0))).to.include({ count: 1 });
  });

  it('forgets expired counters: memory does not grow with a stream of new keys', async () => {
    const state = createMemoryThrottleState({ sweepIntervalMs: 60_000 });
    for (let i = 0; i < 1000; i++) await state.increment(`user-${i}`, at(0), { ttlMs: 30_000, mode: 'sliding' });
    expect(state.size).to.equal(1000);
    // The next write after the sweep interval clears everything that expired meanwhile.
    await state.increment('late', at(60_000), { ttlMs: 30_000, mode: 'sliding' });
    expect(state.size).to.equal(1);
    // An hour of steady new keys, each living 30 s: the state stays small.
    for (let s = 60; s < 3660; s++) await state.increment(`burst-${s}`, at(s * 1000), { ttlMs: 30_000, mode: 'sliding' });
    expect(state.size).to.be.at.most(91);
  });

  it('purgeExpired removes what has expired and says how many', async () => {
    const state = createMemoryThrottleState();
    await state.increment('a', at(0), { ttlMs: 1000, mode: 'fixed' });
    await state.increment('b', at(0), { ttlMs: 5000, mode: 'fixed' });
    expect(await state.purgeExpired(at(2000))).to.equal(1);
    expect(state.size).to.equal(1);
  });

  it('caps the number of counters, dropping the least recently touched', async () => {
    const state = createMemoryThrottleState({ maxEntries: 3 });
    const expiry = { ttlMs: 3_600_000, mode: 'sliding' } as const;
    await state.increment('a', at(0), expiry);
    await state.increment('b', at(1), expiry);
    await state.increment('c', at(2), expiry);
    await state.increment('a', at(3), expiry); // touched: now the newest
    await state.increment('d', at(4), expiry);
    expect(state.size).to.equal(3);
    expect(await state.get('b', at(5))).to.equal(undefined);
    expect(await state.get('a', at(5))).to.include({ count: 2 });
  });
});
