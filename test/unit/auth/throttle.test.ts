import { expect } from 'chai';
import { clientNetwork, createLoginThrottle, DEFAULT_LOGIN_THROTTLE_LIMITS } from '../../../gateway/auth/throttle.ts';
import type { LoginThrottle, ThrottleKey } from '../../../gateway/auth/throttle.ts';
import { createMemoryThrottleState } from '../../../gateway/auth/throttle-state.ts';
import type { CounterExpiry, ThrottleState } from '../../../gateway/auth/throttle-state.ts';
import { manualClock } from '../../support/clock.ts';

const key: ThrottleKey = { username: 'ouder1', ip: '203.0.113.7' };

async function fail(throttle: LoginThrottle, k: ThrottleKey, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await throttle.recordFailure(k);
}

describe('login throttle', () => {
  it('defaults: 5 free failures, 1 min doubling to 15 min, 50 per IP per 15 min; per username 10 free, 30 s doubling to 15 min, 100 at most', () => {
    expect(DEFAULT_LOGIN_THROTTLE_LIMITS).to.deep.equal({
      accountFreeFailures: 5, accountBaseDelaySec: 60, accountMaxDelaySec: 900, accountResetSec: 3600,
      ipMaxFailures: 50, ipWindowSec: 900,
      userFreeFailures: 10, userBaseDelaySec: 30, userMaxDelaySec: 900, userMaxFailures: 100, userResetSec: 30 * 86_400,
    });
  });

  it('allows the first 4 failures without delay and locks for 1 min after the 5th', async () => {
    const clock = manualClock('2026-03-01T09:00:00Z');
    const throttle = createLoginThrottle({ clock });
    await fail(throttle, key, 4);
    expect(await throttle.check(key)).to.deep.equal({ allowed: true });
    await throttle.recordFailure(key);
    expect(await throttle.check(key)).to.deep.equal({ allowed: false, retryAfterSec: 60 });
    clock.advance(59_500);
    expect(await throttle.check(key)).to.deep.equal({ allowed: false, retryAfterSec: 1 });
    clock.advance(500);
    expect(await throttle.check(key)).to.deep.equal({ allowed: true });
  });

  it('doubles the lock per further failure, up to 15 minutes', async () => {
    const clock = manualClock('2026-03-01T09:00:00Z');
    const throttle = createLoginThrottle({ clock });
    await fail(throttle, key, 5);
    const locks: number[] = [];
    for (let i = 0; i < 6; i++) {
      await throttle.recordFailure(key);
      const decision = await throttle.check(key);
      if (decision.allowed) throw new Error('expected a lock');
      locks.push(decision.retryAfterSec);
      clock.advance(decision.retryAfterSec * 1000);
    }
    expect(locks).to.deep.equal([120, 240, 480, 900, 900, 900]);
  });

  it('is never permanent: the counter is forgotten an hour after the last failure', async () => {
    const clock = manualClock('2026-03-01T09:00:00Z');
    // The username's own limit (tested below) is set out of the way.
    const throttle = createLoginThrottle({ clock, limits: { userFreeFailures: 50 } });
    await fail(throttle, key, 12);
    expect((await throttle.check(key)).allowed).to.equal(false);
    clock.advance(15 * 60_000);
    expect(await throttle.check(key)).to.deep.equal({ allowed: true });
    clock.advance(45 * 60_000);
    // Counter gone: the next failure is the first again, not the 13th.
    await throttle.recordFailure(key);
    expect(await throttle.check(key)).to.deep.equal({ allowed: true });
  });

  it('a stranger elsewhere locks only their own pair; the parent meets at most the username delay', async () => {
    const clock = manualClock('2026-03-01T09:00:00Z');
    const throttle = createLoginThrottle({ clock });
    await fail(throttle, { username: 'ouder1', ip: '198.51.100.66' }, 9);
    expect((await throttle.check({ username: 'ouder1', ip: '198.51.100.66' })).allowed).to.equal(false);
    expect(await throttle.check(key)).to.deep.equal({ allowed: true });
    await fail(throttle, { username: 'ouder1', ip: '198.51.100.66' }, 11);
    const delayed = await throttle.check(key);
    expect(delayed.allowed).to.equal(false);
    expect(!delayed.allowed && delayed.retryAfterSec).to.be.at.most(900);
  });

  it('counts a username across every address: rotating addresses gains nothing', async () => {
    const clock = manualClock('2026-03-01T09:00:00Z');
    const throttle = createLoginThrottle({ clock });
    for (let i = 1; i <= 10; i++) await throttle.recordFailure({ username: 'ouder1', ip: `198.51.100.${i}` });
    expect(await throttle.check({ username: 'ouder1', ip: '192.0.2.200' })).to.deep.equal({ allowed: false, retryAfterSec: 30 });
    clock.advance(30_000);
    expect(await throttle.check({ username: 'ouder1', ip: '192.0.2.200' })).to.deep.equal({ allowed: true });
    await throttle.recordFailure({ username: 'ouder1', ip: '198.51.100.11' });
    expect(await throttle.check({ username: 'ouder1', ip: '192.0.2.200' })).to.deep.equal({ allowed: false, retryAfterSec: 60 });
    // Another username is untouched, and a success clears the count.
    expect(await throttle.check({ username: 'ouder2', ip: '192.0.2.200' })).to.deep.equal({ allowed: true });
    clock.advance(60_000);
    await throttle.recordSuccess({ username: 'ouder1', ip: '192.0.2.200' });
    await throttle.recordFailure({ username: 'ouder1', ip: '198.51.100.12' });
    expect(await throttle.check({ username: 'ouder1', ip: '192.0.2.200' })).to.deep.equal({ allowed: true });
  });

  it('refuses a username after 100 consecutive failures until clearUser (password reset), never for ever', async () => {
    const clock = manualClock('2026-03-01T09:00:00Z');
    const throttle = createLoginThrottle({ clock });
    for (let i = 0; i < 100; i++) {
      await throttle.recordFailure({ username: 'ouder1', ip: `10.0.${i >> 8}.${i & 255}` });
      clock.advance(15 * 60_000);
    }
    const locked = await throttle.check(key);
    expect(locked).to.include({ allowed: false, locked: true });
    clock.advance(60 * 60_000);
    expect(await throttle.check(key)).to.include({ allowed: false, locked: true });
    await throttle.clearUser('OUDER1');
    expect(await throttle.check(key)).to.deep.equal({ allowed: true });
  });

  it('ignores case and surrounding spaces in the username', async () => {
    const clock = manualClock('2026-03-01T09:00:00Z');
    const throttle = createLoginThrottle({ clock });
    await fail(throttle, { username: 'Ouder1', ip: key.ip }, 2);
    await fail(throttle, { username: ' OUDER1 ', ip: key.ip }, 2);
    await fail(throttle, { username: 'ouder1', ip: key.ip }, 1);
    expect((await throttle.check(key)).allowed).to.equal(false);
  });

  it('a success clears the username+IP counter', async () => {
    const clock = manualClock('2026-03-01T09:00:00Z');
    const throttle = createLoginThrottle({ clock });
    await fail(throttle, key, 4);
    await throttle.recordSuccess(key);
    await fail(throttle, key, 4);
    expect(await throttle.check(key)).to.deep.equal({ allowed: true });
  });

  it('blocks one IP spraying many usernames until its 15-minute window ends', async () => {
    const clock = manualClock('2026-03-01T09:00:00Z');
    const throttle = createLoginThrottle({ clock });
    for (let i = 0; i < 49; i++) {
      await throttle.recordFailure({ username: `user${i}`, ip: key.ip });
      clock.advance(1000);
    }
    expect(await throttle.check({ username: 'someone-else', ip: key.ip })).to.deep.equal({ allowed: true });
    await throttle.recordFailure({ username: 'user49', ip: key.ip });
    // Window opened at the first failure, 49 s ago.
    expect(await throttle.check({ username: 'someone-else', ip: key.ip })).to.deep.equal({ allowed: false, retryAfterSec: 900 - 49 });
    expect(await throttle.check({ username: 'someone-else', ip: '192.0.2.1' })).to.deep.equal({ allowed: true });
    clock.advance((900 - 49) * 1000);
    expect(await throttle.check({ username: 'someone-else', ip: key.ip })).to.deep.equal({ allowed: true });
  });

  it('a success does not clear the per-IP counter', async () => {
    const clock = manualClock('2026-03-01T09:00:00Z');
    const throttle = createLoginThrottle({ clock, limits: { ipMaxFailures: 3 } });
    await throttle.recordFailure({ username: 'a', ip: key.ip });
    await throttle.recordFailure({ username: 'b', ip: key.ip });
    await throttle.recordSuccess({ username: 'c', ip: key.ip });
    await throttle.recordFailure({ username: 'd', ip: key.ip });
    expect((await throttle.check(key)).allowed).to.equal(false);
  });

  it('reports the longer of two locks', async () => {
    const clock = manualClock('2026-03-01T09:00:00Z');
    const throttle = createLoginThrottle({ clock, limits: { ipMaxFailures: 6, ipWindowSec: 600 } });
    await fail(throttle, key, 6);
    // Account lock: 2 min after the 6th failure; IP window: 10 min.
    expect(await throttle.check(key)).to.deep.equal({ allowed: false, retryAfterSec: 600 });
  });

  it('uses the store it is given, and limits are validated', async () => {
    const clock = manualClock('2026-03-01T09:00:00Z');
    const store = createMemoryThrottleState();
    const throttle = createLoginThrottle({ clock, store });
    await throttle.recordFailure(key);
    expect(store.size).to.equal(3);
    expect(() => createLoginThrottle({ clock, limits: { accountResetSec: 60 } })).to.throw(RangeError);
    expect(() => createLoginThrottle({ clock, limits: { ipMaxFailures: 0 } })).to.throw(RangeError);
    expect(() => createLoginThrottle({ clock, limits: { accountMaxDelaySec: 30 } })).to.throw(RangeError);
    expect(() => createLoginThrottle({ clock, limits: { userMaxFailures: 5 } })).to.throw(RangeError);
  });

  it('keeps keys small whatever username is sent', async () => {
    const clock = manualClock('2026-03-01T09:00:00Z');
    const inner = createMemoryThrottleState();
    const keys: string[] = [];
    const store: ThrottleState = {
      ...inner,
      increment(k: string, now: Date, expiry: CounterExpiry) {
        keys.push(k);
        return inner.increment(k, now, expiry);
      },
    };
    const throttle = createLoginThrottle({ clock, store });
    await throttle.recordFailure({ username: 'x'.repeat(100_000), ip: key.ip });
    expect(keys).to.have.length(3);
    for (const k of keys) expect(k.length).to.be.below(200);
  });

  it('counts one IPv6 /64 as one client', async () => {
    const clock = manualClock('2026-03-01T09:00:00Z');
    const throttle = createLoginThrottle({ clock });
    for (let i = 1; i <= 5; i++) await throttle.recordFailure({ username: 'ouder1', ip: `2001:db8:1:2::${i.toString(16)}` });
    expect((await throttle.check({ username: 'ouder1', ip: '2001:db8:1:2:ffff::1' })).allowed).to.equal(false);
    expect((await throttle.check({ username: 'ouder1', ip: '2001:db8:1:3::1' })).allowed).to.equal(true);
  });
});

describe('clientNetwork', () => {
  it('keeps IPv4, unwraps IPv4-mapped IPv6, and reduces IPv6 to its /64', () => {
    expect(clientNetwork('203.0.113.7')).to.equal('203.0.113.7');
    expect(clientNetwork('::ffff:203.0.113.7')).to.equal('203.0.113.7');
    expect(clientNetwork('2001:db8:1:2:3:4:5:6')).to.equal('2001:db8:1:2::/64');
    expect(clientNetwork('2001:db8::1')).to.equal('2001:db8:0:0::/64');
    expect(clientNetwork('fe80::1%eth0')).to.equal('fe80:0:0:0::/64');
    expect(clientNetwork('::1')).to.equal('0:0:0:0::/64');
  });

  it('puts unknown or garbled addresses in one bucket', () => {
    expect(clientNetwork(undefined)).to.equal('unknown');
    expect(clientNetwork('')).to.equal('unknown');
    expect(clientNetwork('not-an-ip')).to.equal('unknown');
  });
});
