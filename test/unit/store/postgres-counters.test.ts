/** The shared limit counters in PostgreSQL answer exactly as the in-process ones, and count atomically. */
import { expect } from 'chai';
import { createMemoryThrottleState, type CounterExpiry, type ThrottleState } from '../../../gateway/auth/throttle-state.ts';
import { createPostgresStore, type PostgresStore } from '../../../gateway/store/postgres/index.ts';
import { createTestDatabase, type TestDatabase } from '../../support/postgres.ts';

const T0 = Date.parse('2027-03-01T09:00:00.000Z');
const at = (sec: number) => new Date(T0 + sec * 1000);
const SLIDING: CounterExpiry = { ttlMs: 60_000, mode: 'sliding' };
const FIXED: CounterExpiry = { ttlMs: 60_000, mode: 'fixed' };

describe('PostgreSQL store: shared limit counters', () => {
  let db: TestDatabase;
  const stores: PostgresStore[] = [];
  const open = async () => {
    const store = createPostgresStore({ url: db.url, poolSize: 4 });
    await store.open();
    stores.push(store);
    return store;
  };
  beforeEach(async () => {
    db = await createTestDatabase('counters');
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await db.drop();
  });

  it('answers every step as the in-process counters do (sliding, fixed window, expiry, set, delete)', async () => {
    const pg = (await open()).counters;
    const memory = createMemoryThrottleState();
    const steps: Array<(s: ThrottleState) => Promise<unknown>> = [
      (s) => s.increment('login:a', at(0), SLIDING),
      (s) => s.increment('login:a', at(30), SLIDING),
      (s) => s.get('login:a', at(89)),
      (s) => s.get('login:a', at(90)),
      (s) => s.increment('login:a', at(91), SLIDING),
      (s) => s.increment('reset:w', at(0), FIXED),
      (s) => s.increment('reset:w', at(59), FIXED),
      (s) => s.increment('reset:w', at(60), FIXED),
      (s) => s.set('x', { count: 7, firstAt: T0, lastAt: T0 + 1, expiresAt: T0 + 5000 }),
      (s) => s.get('x', at(1)),
      (s) => s.delete('x'),
      (s) => s.get('x', at(1)),
      (s) => s.purgeExpired(at(1000)),
      (s) => s.get('login:a', at(100)),
    ];
    for (const [i, step] of steps.entries()) {
      expect(await step(pg), `step ${i}`).to.deep.equal(await step(memory));
    }
  });

  it('counts every increment when two instances count the same key at once', async () => {
    const [a, b] = [await open(), await open()];
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).counters.increment('login:k', at(1), SLIDING)));
    expect((await a.counters.get('login:k', at(2)))?.count).to.equal(40);
  });
});
