/**
 * A correction that is stuck: its delivery was parked for good (the SIS refused it, or it failed
 * too often), or it has not reached the school within `changes.maxPendingAge`. Evaluated at read
 * time against the injected clock, so nothing has to flip a flag for the parent's page, the
 * operator queue and the notice job to agree. The parent is told only that it is delayed and that
 * the school is looking at it; the reason is for staff.
 */
import type { OutboxItem } from '../outbox/index.ts';
import type { ChangeRequest } from './types.ts';

export type ChangeDelay =
  /** The outbox parked the delivery; `error` is its last failure (a code, never the parent's data). */
  | { reason: 'parked'; error: string }
  /** Still not delivered after maxPendingAge; `days` is that age in whole days, for the staff text. */
  | { reason: 'overdue'; days: number };

const DAY_MS = 86_400_000;

export function delayOf(
  request: Pick<ChangeRequest, 'status' | 'submittedAt'>, item: Pick<OutboxItem, 'status' | 'lastError'> | undefined,
  now: Date, maxPendingAgeMs: number,
): ChangeDelay | undefined {
  // A decided or delivered correction is not stuck: the school has it (or has answered).
  if (request.status !== 'submitted') return undefined;
  if (item?.status === 'attention') return { reason: 'parked', error: item.lastError ?? '' };
  if (item?.status === 'delivered') return undefined;
  if (now.getTime() - Date.parse(request.submittedAt) > maxPendingAgeMs) {
    return { reason: 'overdue', days: Math.max(1, Math.round(maxPendingAgeMs / DAY_MS)) };
  }
  return undefined;
}
