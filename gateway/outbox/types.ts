/**
 * The outbox: what the portal has promised to deliver (a mail, a parent's correction) kept in the
 * store before anyone is told "sent" or "ontvangen", and handed to the outside world by a worker.
 * Nothing is ever deleted by delivery: a delivered item stays as the record that it went out.
 */

import type { DeliveryWindow } from './window.ts';

/**
 * pending: waiting for its turn (nextAttemptAt). delivering: a worker has claimed it, for a lease
 * (claimedBy, leaseUntil); a worker that stops mid-delivery leaves it so, and once the lease runs
 * out another worker (or the same after a restart) claims it and delivers it again — at-least-once,
 * so handlers pass the item id on as an idempotency key where the receiver supports one.
 * delivered: done, never tried again. attention: failed permanently or too often; an operator looks.
 */
export type OutboxStatus = 'pending' | 'delivering' | 'delivered' | 'attention';

export interface OutboxAttempt {
  at: string;
  outcome: 'delivered' | 'retry' | 'parked';
  /** The failure's message; never personal data (handlers throw codes and counts, not contents). */
  error?: string;
}

export interface OutboxItem<P = unknown> {
  /** The delivery key: enqueueing the same id twice keeps the first item (idempotency). */
  id: string;
  /** Chooses the handler, e.g. "mail", "change". */
  kind: string;
  payload: P;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
  updatedAt: string;
  /** Not tried before this instant (ISO). */
  nextAttemptAt: string;
  /**
   * Only delivered inside this local window: the worker moves an item that falls due outside it
   * to the next opening, without counting an attempt.
   */
  window?: DeliveryWindow;
  deliveredAt?: string;
  /** What the receiver answered, e.g. a message id or the SIS's reference. */
  receipt?: Record<string, string>;
  lastError?: string;
  /** While delivering: the worker that claimed it (an instance id) and until when (ISO). */
  claimedBy?: string;
  leaseUntil?: string;
  /** Every attempt, oldest first, for the operator page. */
  history: OutboxAttempt[];
}

export interface DeliveryErrorOptions {
  /** Will fail the same way again: park it for an operator instead of retrying. */
  permanent?: boolean;
  /** The receiver asked us to wait this long (Retry-After), in ms. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** What a handler throws to say how its failure should be treated; any other error is transient. */
export class DeliveryError extends Error {
  readonly permanent: boolean;
  readonly retryAfterMs?: number;

  constructor(message: string, options: DeliveryErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'DeliveryError';
    this.permanent = options.permanent ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function isDeliveryError(err: unknown): err is DeliveryError {
  return err instanceof Error && err.name === 'DeliveryError';
}

/** Delivers one item; resolves with the receiver's receipt (may be empty) or throws. */
export type DeliveryHandler<P = unknown> = (item: OutboxItem<P>) => Promise<Record<string, string> | void>;
