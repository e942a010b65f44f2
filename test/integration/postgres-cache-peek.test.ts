/**
 * Two gateway instances on one PostgreSQL database: the cache's peek() answers from a short
 * per-instance memo (gateway/store/postgres/peek-memo.ts), so another instance's write shows
 * within the bound and not before, while the instance's own writes show at once. The memo's clock
 * is the test's: time moves only when the test moves it.
 */
import { expect } from 'chai';
import { PEEK_MEMO_TTL_MS } from '../../gateway/store/postgres/peek-memo.ts';
import type { CacheEntry } from '../../gateway/store/types.ts';
import { usePostgresPair } from '../support/postgres-pair.ts';

const entry = (value: unknown, overrides: Partial<CacheEntry> = {}): CacheEntry =>
  ({ key: 'student:1', kind: 'student', studentId: '1', value, storedAt: '2026-12-01T08:00:00.000Z', ...overrides });

describe('cache peek on PostgreSQL with two instances', () => {
  let nowMs = 0;
  const pair = usePostgresPair('peek', { poolSize: 2, store: { peekMemo: { now: () => nowMs } } });
  beforeEach(() => {
    nowMs = 0;
  });

  it("hands out the same frozen entry within the bound, and another instance's write once it has passed", async () => {
    const [a, b] = pair.stores;
    await a.cache.set(entry({ groep: 5 }));
    const first = await b.cache.peek!('student:1');
    expect(first?.value).to.deep.equal({ groep: 5 });
    expect(Object.isFrozen(first!.value)).to.equal(true);

    await a.cache.set(entry({ groep: 6 }));
    nowMs += PEEK_MEMO_TTL_MS - 1;
    expect(await b.cache.peek!('student:1'), 'within the bound: the same object').to.equal(first);
    expect((await b.cache.get('student:1'))?.value, 'get reads the database').to.deep.equal({ groep: 6 });

    nowMs += 1;
    const next = await b.cache.peek!('student:1');
    expect(next).to.not.equal(first);
    expect(next?.value).to.deep.equal({ groep: 6 });
    expect(await b.cache.peek!('student:1')).to.equal(next);
  });

  it("shows another instance's delete once the bound has passed, its own writes and deletes at once", async () => {
    const [a, b] = pair.stores;
    await a.cache.set(entry({ groep: 5 }));
    expect(await b.cache.peek!('student:1')).to.not.equal(undefined);
    await a.cache.deleteByStudent('1');
    expect(await b.cache.peek!('student:1'), 'within the bound').to.not.equal(undefined);
    nowMs += PEEK_MEMO_TTL_MS;
    expect(await b.cache.peek!('student:1')).to.equal(undefined);

    await b.cache.set(entry({ groep: 7 }));
    expect((await b.cache.peek!('student:1'))?.value, "b's own set, no time passed").to.deep.equal({ groep: 7 });
    await b.cache.delete('student:1');
    expect(await b.cache.peek!('student:1'), "b's own delete").to.equal(undefined);
  });
});
