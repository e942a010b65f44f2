/**
 * The delivery worker: takes due items from the outbox and hands each to the handler of its kind.
 * Success marks it delivered (never to be sent again); a transient failure schedules a retry with
 * backoff and jitter (honouring Retry-After); a permanent failure, or too many, parks it as
 * "attention" for an operator. Nothing is deleted. An item with a delivery window that falls due
 * outside it (a retry after a failure at 19:59, say) is moved to the window's next opening without
 * an attempt: it never goes out at the wrong hour.
 *
 * Several workers share one outbox (gateway instances on one PostgreSQL database): a worker
 * claims one item at a time for a lease (Outbox.claim: FOR UPDATE SKIP LOCKED there), so no two
 * hold the same item, and writes every outcome only while its lease holds (saveClaimed). A worker
 * killed mid-delivery leaves its item claimed; when the lease runs out another worker claims it
 * and delivers it again with the same idempotency key (the item id), which the receiver dedupes.
 * While a handler runs its claim is renewed every leaseMs/3 (lease-renewal.ts), so a delivery
 * slower than the lease keeps its item; only a worker that stops renewing (killed, hung on its
 * database) loses it, and then its outcome is not recorded and the next claim delivers again.
 *
 * Time comes from the injected clock: tests move the clock and call runOnce(); in production
 * start() polls on a real timer and kick() runs a pass right after something was enqueued.
 * Passes never overlap (one in flight; a kick during a pass runs one more pass after it).
 */
import type { AdapterLogger, Clock } from '../../adapters/contract/index.ts';
import { instanceId } from '../store/instance-id.ts';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff.ts';
import { renewLease } from './lease-renewal.ts';
import { withoutClaim, type Outbox } from './outbox.ts';
import { isDeliveryError, type DeliveryHandler, type OutboxAttempt, type OutboxItem } from './types.ts';
import { nextWindowOpening } from './window.ts';

export interface DeliveryWorkerOptions {
  outbox: Outbox;
  clock: Clock;
  logger: AdapterLogger;
  /** One handler per kind; an item of a kind without one is parked. */
  handlers: Readonly<Record<string, DeliveryHandler<never>>>;
  backoff?: BackoffPolicy;
  /** [0, 1); injected so tests know the jitter. */
  random?: () => number;
  /** Told after every state change an attempt made (delivered, retry, parked). */
  onAttempt?: (item: OutboxItem, attempt: OutboxAttempt) => void | Promise<void>;
  /** This worker's name in its claims: unique per process; default host, pid and a random part. */
  owner?: string;
  /** How long a claim holds, in ms; default 5 minutes. */
  leaseMs?: number;
  /**
   * True (default) when this process is the only one on the store (lowdb's lock, memory): at start
   * every claim left by a stop is released at once. False on a shared store: another instance may
   * be delivering, so claims are left to run out.
   */
  exclusive?: boolean;
}

export interface PassReport {
  delivered: string[];
  retried: string[];
  parked: string[];
  /** Due outside their delivery window: moved to its next opening, not attempted. */
  deferred: string[];
  /** Attempted, but the lease ran out first: the outcome was not written; the next claim decides. */
  lost: string[];
}

export const DEFAULT_LEASE_MS = 5 * 60_000;
/** A pass ends after this many claims, so one busy outbox never holds the worker forever. */
const MAX_CLAIMS_PER_PASS = 1_000;


export interface DeliveryWorker {
  /**
   * Exclusive store: items left "delivering" by a stopped process go back to pending; returns their
   * ids. Shared store: nothing (their leases run out and the next claim takes them).
   */
  recover(): Promise<string[]>;
  /** One pass over every due item. */
  runOnce(): Promise<PassReport>;
  /** recover(), then a pass every intervalMs (real time) until stop(). */
  start(intervalMs: number): Promise<void>;
  /** Asks for a pass soon (after an enqueue). */
  kick(): void;
  /** Stops polling and waits for the pass in flight. */
  stop(): Promise<void>;
}

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

export function createDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { outbox, clock, logger } = options;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;
  const owner = options.owner ?? instanceId();
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  let inFlight: Promise<PassReport> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  /** Writes the item under this worker's lease; false when the lease is lost (logged). */
  async function keep(item: OutboxItem): Promise<boolean> {
    if (await outbox.saveClaimed(item, owner)) return true;
    logger.warn({ outbox: item.id, kind: item.kind }, 'outbox: the claim on an item ran out before its outcome was written; it is delivered again');
    return false;
  }

  /** Ends the claim with an attempt's outcome; false when the lease was lost first. */
  async function record(item: OutboxItem, attempt: OutboxAttempt, patch: Partial<OutboxItem>): Promise<boolean> {
    const next: OutboxItem = withoutClaim({ ...item, ...patch, updatedAt: attempt.at, history: [...item.history, attempt] });
    if (!await keep(next)) return false;
    await options.onAttempt?.(next, attempt);
    return true;
  }

  /** True when the item may not go out now: it then waits for its window's next opening. */
  async function deferred(item: OutboxItem, report: PassReport): Promise<boolean> {
    if (!item.window) return false;
    const now = clock.now();
    const opening = nextWindowOpening(now, item.window);
    if (opening.getTime() <= now.getTime()) return false;
    const waiting = withoutClaim({ ...item, status: 'pending', nextAttemptAt: opening.toISOString(), updatedAt: now.toISOString() });
    (await keep(waiting) ? report.deferred : report.lost).push(item.id);
    return true;
  }

  /** Runs the handler with the claim renewed meanwhile; resolves once no renewal is in flight. */
  async function held(claimed: OutboxItem, handler: DeliveryHandler): Promise<Awaited<ReturnType<DeliveryHandler>>> {
    const renewal = renewLease(claimed, owner, leaseMs, { outbox, clock, logger });
    try {
      return await handler(claimed);
    } finally {
      await renewal.stop();
    }
  }

  /** `item` is claimed by this worker. */
  async function deliver(item: OutboxItem, report: PassReport): Promise<void> {
    if (await deferred(item, report)) return;
    const handler = options.handlers[item.kind] as DeliveryHandler | undefined;
    const attempts = item.attempts + 1;
    // The attempt is counted before it is made: an item that kills its worker every time still parks.
    const claimed: OutboxItem = { ...item, attempts, updatedAt: clock.now().toISOString() };
    if (!await keep(claimed)) {
      report.lost.push(item.id);
      return;
    }
    try {
      if (!handler) throw Object.assign(new Error(`no delivery handler for kind "${item.kind}"`), { permanent: true });
      const receipt = await held(claimed, handler);
      const at = clock.now().toISOString();
      const kept = await record(claimed, { at, outcome: 'delivered' }, {
        status: 'delivered', deliveredAt: at, lastError: undefined, ...(receipt ? { receipt } : {}),
      });
      (kept ? report.delivered : report.lost).push(item.id);
    } catch (err) {
      const at = clock.now();
      const error = messageOf(err);
      const permanent = (isDeliveryError(err) && err.permanent) || (err as { permanent?: boolean }).permanent === true;
      if (permanent || attempts >= backoff.maxAttempts) {
        if (!await record(claimed, { at: at.toISOString(), outcome: 'parked', error }, { status: 'attention', lastError: error })) {
          report.lost.push(item.id);
          return;
        }
        logger.warn({ outbox: item.id, kind: item.kind, attempts, error }, 'outbox item needs attention');
        report.parked.push(item.id);
        return;
      }
      const wait = retryDelayMs(attempts, backoff, random, isDeliveryError(err) ? err.retryAfterMs : undefined);
      if (!await record(claimed, { at: at.toISOString(), outcome: 'retry', error }, {
        status: 'pending', lastError: error, nextAttemptAt: new Date(at.getTime() + wait).toISOString(),
      })) {
        report.lost.push(item.id);
        return;
      }
      logger.info({ outbox: item.id, kind: item.kind, attempts, retryInMs: wait, error }, 'outbox delivery failed; will retry');
      report.retried.push(item.id);
    }
  }

  async function pass(): Promise<PassReport> {
    const report: PassReport = { delivered: [], retried: [], parked: [], deferred: [], lost: [] };
    const moved = await outbox.rebase(clock.now());
    if (moved > 0) logger.warn({ items: moved }, 'the clock stepped back: outbox retries re-anchored to now');
    // One at a time, in order: a receiver that is down is asked once per item, not hammered, and
    // the other workers take the next items meanwhile.
    const seen = new Set<string>();
    for (let n = 0; n < MAX_CLAIMS_PER_PASS && !stopped; n++) {
      const [item] = await outbox.claim(owner, leaseMs, 1);
      if (!item) break;
      if (seen.has(item.id)) {
        // Its lease ran out during this pass already (a receiver slower than the lease): next pass.
        await outbox.saveClaimed(withoutClaim({ ...item, status: 'pending' }), owner);
        break;
      }
      seen.add(item.id);
      await deliver(item, report);
    }
    return report;
  }

  function runOnce(): Promise<PassReport> {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    inFlight = pass().finally(() => {
      inFlight = undefined;
      if (again && !stopped) {
        again = false;
        void runOnce().catch((err) => logger.error({ err }, 'outbox pass failed'));
      }
    });
    return inFlight;
  }

  return {
    recover: async () => (options.exclusive === false ? [] : outbox.releaseAll()),
    runOnce,
    async start(intervalMs) {
      stopped = false;
      const recovered = await this.recover();
      if (recovered.length > 0) logger.warn({ count: recovered.length }, 'outbox: deliveries cut short by a stop are due again');
      timer = setInterval(() => this.kick(), intervalMs);
      timer.unref();
      this.kick();
    },
    kick() {
      if (stopped) return;
      void runOnce().catch((err) => logger.error({ err }, 'outbox pass failed'));
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await inFlight?.catch(() => undefined);
    },
  };
}
