/**
 * Login throttling (NIST SP 800-63B-4 §3.2.2, OWASP ASVS V6): temporary, growing delays, never a
 * permanent lockout a stranger can cause.
 *
 * Three counters per attempt:
 * - username + client network: after `accountFreeFailures` failures the pair is locked for
 *   `accountBaseDelaySec`, doubling with each further failure up to `accountMaxDelaySec`. Keyed by
 *   network too, so a stranger elsewhere cannot lock the parent out; cleared by a success; forgotten
 *   `accountResetSec` after the last failure.
 * - client network alone: `ipMaxFailures` failures in a fixed window of `ipWindowSec` block that
 *   network until the window ends — slows one source spraying many usernames. The threshold is
 *   high because a school's or an employer's NAT puts many parents behind one address.
 * - username alone, from every address: after `userFreeFailures` failures the username is delayed
 *   for everyone — `userBaseDelaySec`, doubling up to `userMaxDelaySec` — so rotating addresses
 *   (a botnet, a forged X-Forwarded-For behind a proxy) gains nothing; the right password is refused
 *   while the delay runs. After `userMaxFailures` consecutive failures (NIST SP 800-63B: at most
 *   100) the username is refused until a password reset clears it (clearUser) — never a permanent
 *   lock, since the parent can always reset. Cleared by a success; forgotten `userResetSec` after
 *   the last failure. Where the counters live is ThrottleState (in process now; shared later).
 * Usernames are counted whether or not they exist, so throttling reveals nothing about accounts.
 * "Network" is the IPv4 address or the IPv6 /64, since one IPv6 client owns a whole /64.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { Clock } from '../../adapters/contract/adapter.ts';
import { createMemoryThrottleState } from './throttle-state.ts';
import type { ThrottleState } from './throttle-state.ts';
import { normalizeUsername } from './username.ts';

export interface LoginThrottleLimits {
  accountFreeFailures: number;
  accountBaseDelaySec: number;
  accountMaxDelaySec: number;
  accountResetSec: number;
  ipMaxFailures: number;
  ipWindowSec: number;
  userFreeFailures: number;
  userBaseDelaySec: number;
  userMaxDelaySec: number;
  userMaxFailures: number;
  userResetSec: number;
}

export const DEFAULT_LOGIN_THROTTLE_LIMITS: Readonly<LoginThrottleLimits> = Object.freeze({
  accountFreeFailures: 5,
  accountBaseDelaySec: 60,
  accountMaxDelaySec: 15 * 60,
  accountResetSec: 60 * 60,
  ipMaxFailures: 50,
  ipWindowSec: 15 * 60,
  userFreeFailures: 10,
  userBaseDelaySec: 30,
  userMaxDelaySec: 15 * 60,
  userMaxFailures: 100,
  userResetSec: 30 * 24 * 60 * 60,
});

const MAX_KEY_USERNAME = 128;

export interface ThrottleKey {
  username: string;
  /** req.ip; may be undefined behind a misconfigured proxy, which then shares one bucket. */
  ip: string | undefined;
}

/** `locked`: the username reached userMaxFailures; only a password reset (clearUser) opens it. */
export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSec: number; locked?: boolean };

export interface LoginThrottle {
  check(key: ThrottleKey): Promise<ThrottleDecision>;
  recordFailure(key: ThrottleKey): Promise<void>;
  recordSuccess(key: ThrottleKey): Promise<void>;
  /** Forgets the username's failures from every address (after a password reset). */
  clearUser(username: string): Promise<void>;
}

/** Expands an IPv6 address to its eight 16-bit groups; undefined when it is not one. */
function ipv6Groups(address: string): number[] | undefined {
  if (!isIPv6(address)) return undefined;
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = v4[1].split('.').map(Number);
    text = `${text.slice(0, -v4[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** The network a client address stands for: IPv4 as is (also when IPv4-mapped), IPv6 by /64. */
export function clientNetwork(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const address = ip.trim().replace(/%.*$/, '');
  if (isIPv4(address)) return address;
  const groups = ipv6Groups(address);
  if (!groups) return 'unknown';
  const isV4Mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (isV4Mapped) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

function validateLimits(limits: LoginThrottleLimits): void {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`throttle limit ${name} must be a positive integer, got ${value}`);
  }
  if (limits.accountMaxDelaySec < limits.accountBaseDelaySec) throw new RangeError('accountMaxDelaySec must be >= accountBaseDelaySec');
  // Otherwise a lock could outlive the counter that explains it, and the next failure would start over.
  if (limits.accountResetSec < limits.accountMaxDelaySec) throw new RangeError('accountResetSec must be >= accountMaxDelaySec');
  if (limits.userMaxDelaySec < limits.userBaseDelaySec) throw new RangeError('userMaxDelaySec must be >= userBaseDelaySec');
  if (limits.userResetSec < limits.userMaxDelaySec) throw new RangeError('userResetSec must be >= userMaxDelaySec');
  if (limits.userMaxFailures <= limits.userFreeFailures) throw new RangeError('userMaxFailures must be > userFreeFailures');
}

export function createLoginThrottle(deps: {
  clock: Clock;
  limits?: Partial<LoginThrottleLimits>;
  store?: ThrottleState;
}): LoginThrottle {
  const limits: LoginThrottleLimits = { ...DEFAULT_LOGIN_THROTTLE_LIMITS, ...deps.limits };
  validateLimits(limits);
  const state = deps.store ?? createMemoryThrottleState();
  const { clock } = deps;

  // Cut so a huge invented username cannot make a huge key; no real username is that long.
  const userKey = (name: string) => `login:user:${normalizeUsername(name).slice(0, MAX_KEY_USERNAME)}`;
  const keys = (key: ThrottleKey): { account: string; network: string; user: string } => {
    const network = clientNetwork(key.ip);
    const username = normalizeUsername(key.username).slice(0, MAX_KEY_USERNAME);
    // JSON keeps the two parts apart whatever characters a username holds.
    return { account: `login:acct:${JSON.stringify([username, network])}`, network: `login:net:${network}`, user: userKey(username) };
  };

  const growingDelayMs = (failures: number, free: number, baseSec: number, maxSec: number): number => {
    const excess = failures - free;
    if (excess < 0) return 0;
    // The exponent is bounded so a long attack cannot push the arithmetic to Infinity.
    return Math.min(baseSec * 2 ** Math.min(excess, 30), maxSec) * 1000;
  };
  const lockMs = (failures: number) => growingDelayMs(failures, limits.accountFreeFailures, limits.accountBaseDelaySec, limits.accountMaxDelaySec);
  const userLockMs = (failures: number) => growingDelayMs(failures, limits.userFreeFailures, limits.userBaseDelaySec, limits.userMaxDelaySec);

  return {
    async check(key) {
      const now = clock.now();
      const nowMs = now.getTime();
      const k = keys(key);
      const [account, network, user] = await Promise.all([state.get(k.account, now), state.get(k.network, now), state.get(k.user, now)]);
      if (user && user.count >= limits.userMaxFailures) {
        return { allowed: false, retryAfterSec: Math.ceil((user.expiresAt - nowMs) / 1000), locked: true };
      }
      let untilMs = 0;
      // Only a counter that imposes a delay counts: with shared counters another instance's clock
      // may run a little ahead, and its lastAt alone must not refuse a login here.
      const userDelay = user ? userLockMs(user.count) : 0;
      const accountDelay = account ? lockMs(account.count) : 0;
      if (user && userDelay > 0) untilMs = Math.max(untilMs, user.lastAt + userDelay);
      if (account && accountDelay > 0) untilMs = Math.max(untilMs, account.lastAt + accountDelay);
      if (network && network.count >= limits.ipMaxFailures) untilMs = Math.max(untilMs, network.expiresAt);
      if (untilMs <= nowMs) return { allowed: true };
      return { allowed: false, retryAfterSec: Math.ceil((untilMs - nowMs) / 1000) };
    },
    async recordFailure(key) {
      const now = clock.now();
      const k = keys(key);
      await Promise.all([
        state.increment(k.account, now, { ttlMs: limits.accountResetSec * 1000, mode: 'sliding' }),
        state.increment(k.network, now, { ttlMs: limits.ipWindowSec * 1000, mode: 'fixed' }),
        state.increment(k.user, now, { ttlMs: limits.userResetSec * 1000, mode: 'sliding' }),
      ]);
    },
    async recordSuccess(key) {
      // The pair and the username, not the network: one valid login must not wipe what a network
      // did against other accounts.
      const k = keys(key);
      await Promise.all([state.delete(k.account), state.delete(k.user)]);
    },
    async clearUser(username) {
      await state.delete(userKey(username));
    },
  };
}
