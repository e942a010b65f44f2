/**
 * Rate limits for "forgot password" requests: per address (config: mail.passwordReset.maxPerHour)
 * and per client network (RESET_MAX_PER_NETWORK an hour; high, since a school's NAT puts many
 * parents behind one address). Addresses are counted whether or not an account has them, so the
 * limit says nothing about who has an account. Over the address limit the parent sees the usual
 * answer and no mail goes out (no mail bombing); over the network limit the page says to wait.
 */
import type { Clock } from '../../adapters/contract/adapter.ts';
import { createMemoryThrottleState, type ThrottleState } from './throttle-state.ts';
import { clientNetwork } from './throttle.ts';

export const RESET_MAX_PER_NETWORK = 30;
const HOUR_MS = 3_600_000;

export type ResetDecision = { allowed: true } | { allowed: false; scope: 'address' | 'network'; retryAfterSec: number };

export interface ResetLimiter {
  /** Counts the request and says whether it may go ahead. */
  take(address: string, ip: string | undefined): Promise<ResetDecision>;
}

export function createResetLimiter(deps: { clock: Clock; maxPerAddress: number; state?: ThrottleState }): ResetLimiter {
  const state = deps.state ?? createMemoryThrottleState();
  const expiry = { ttlMs: HOUR_MS, mode: 'fixed' as const };
  return {
    async take(address, ip) {
      const now = deps.clock.now();
      const network = await state.increment(`reset:net:${clientNetwork(ip)}`, now, expiry);
      if (network.count > RESET_MAX_PER_NETWORK) {
        return { allowed: false, scope: 'network', retryAfterSec: Math.ceil((network.expiresAt - now.getTime()) / 1000) };
      }
      const perAddress = await state.increment(`reset:addr:${address.trim().toLowerCase().slice(0, 320)}`, now, expiry);
      if (perAddress.count > deps.maxPerAddress) {
        return { allowed: false, scope: 'address', retryAfterSec: Math.ceil((perAddress.expiresAt - now.getTime()) / 1000) };
      }
      return { allowed: true };
    },
  };
}
