/**
 * Mails a logged-in session can cause (address confirmations, change notices) are limited per
 * account per day (mail.accountMailsPerDay), so a borrowed session cannot flood an inbox. A fixed
 * 24-hour window from the first such mail, counted in a ThrottleState (in process now; shared
 * across instances when the store is PostgreSQL).
 */
import type { Clock } from '../../adapters/contract/index.ts';
import { createMemoryThrottleState, type ThrottleState } from './throttle-state.ts';

const DAY_MS = 24 * 3_600_000;

export type AccountMailDecision = { allowed: true } | { allowed: false; retryAfterSec: number };

export interface AccountMailLimit {
  /** Counts `mails` for the account when they fit in today's allowance; otherwise counts nothing. */
  take(accountId: string, mails?: number): Promise<AccountMailDecision>;
}

export function createAccountMailLimit(deps: { clock: Clock; perDay: number; state?: ThrottleState }): AccountMailLimit {
  const state = deps.state ?? createMemoryThrottleState();
  return {
    async take(accountId, mails = 1) {
      const now = deps.clock.now();
      const key = `account-mail:${accountId}`;
      const current = await state.get(key, now);
      if ((current?.count ?? 0) + mails > deps.perDay) {
        return { allowed: false, retryAfterSec: Math.max(1, Math.ceil(((current?.expiresAt ?? now.getTime()) - now.getTime()) / 1000)) };
      }
      for (let i = 0; i < mails; i++) await state.increment(key, now, { ttlMs: DAY_MS, mode: 'fixed' });
      return { allowed: true };
    },
  };
}
