/** The memo behind PgCache.peek(): bounded, least recently used out first, and never ahead of a write. */
import { expect } from 'chai';
import { PeekMemo } from '../../../gateway/store/postgres/peek-memo.ts';
import type { CacheEntry } from '../../../gateway/store/types.ts';

const entry = (key: string, value: unknown = 1): CacheEntry => ({ key, kind: 'student', value, storedAt: '2026-12-01T08:00:00.000Z' });

describe('PgCache peek memo', () => {
  let nowMs = 0;
  const memo = (capacity = 3) => new PeekMemo({ ttlMs: 1_000, capacity, now: () => nowMs });
  beforeEach(() => {
    nowMs = 0;
  });

  it('keeps at most its capacity, dropping the least recently used first', () => {
    const m = memo(2);
    m.remember('a', entry('a'), m.epoch);
    m.remember('b', entry('b'), m.epoch);
    expect(m.get('a')).to.not.equal(undefined);
    m.remember('c', entry('c'), m.epoch);
    expect(m.size).to.equal(2);
    expect(m.get('b'), 'least recently used').to.equal(undefined);
    expect(m.get('a')).to.not.equal(undefined);
    expect(m.get('c')).to.not.equal(undefined);
  });

  it('freezes what it keeps, deeply, and forgets it once the bound has passed', () => {
    const m = memo();
    const kept = m.remember('a', entry('a', { list: [1] }), m.epoch);
    expect(Object.isFrozen((kept.value as { list: number[] }).list)).to.equal(true);
    nowMs = 999;
    expect(m.get('a')).to.equal(kept);
    nowMs = 1_000;
    expect(m.get('a')).to.equal(undefined);
    expect(m.size).to.equal(0);
  });

  it('does not keep a row read while a write of this instance ran (it may be the old one)', () => {
    const m = memo();
    const epochAtRead = m.epoch;
    m.forget('a');
    const old = m.remember('a', entry('a', 'old'), epochAtRead);
    expect(Object.isFrozen(old)).to.equal(true);
    expect(m.get('a')).to.equal(undefined);
    m.remember('b', entry('b'), m.epoch);
    const before = m.epoch;
    m.forgetAll();
    expect(m.get('b')).to.equal(undefined);
    m.remember('b', entry('b'), before);
    expect(m.get('b')).to.equal(undefined);
  });
});
