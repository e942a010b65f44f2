/** A strategy over a memory store with a cheap, counting hasher and a manual clock. */
import { createLocalStrategy } from '../../../../gateway/auth/local-strategy.ts';
import { createLoginThrottle } from '../../../../gateway/auth/throttle.ts';
import type { LoginThrottleLimits } from '../../../../gateway/auth/throttle.ts';
import { createMemoryStore } from '../../../../gateway/store/memory-store.ts';
import { manualClock } from '../../../support/clock.ts';
import { countingHasher, runStrategy } from '../auth-test-support.ts';

export const PASSWORD = 'mijn fiets staat bij de bakker';
export const IP = '203.0.113.7';

export function setup(limits?: Partial<LoginThrottleLimits>) {
  const clock = manualClock('2026-03-01T09:00:00Z');
  const store = createMemoryStore();
  const hasher = countingHasher();
  const throttle = createLoginThrottle({ clock, limits });
  const strategy = createLocalStrategy({ accounts: store.accounts, throttle, clock, hasher });
  const login = (username: string, password: string, ip: string = IP) =>
    runStrategy(strategy, { body: { username, password }, ip });
  return { clock, store, hasher, throttle, strategy, login };
}
