/**
 * The delivery worker: takes due items from the outbox and hands each to the handler of its kind.
 * Success marks it delivered (never to be sent again); a transient failure schedules a retry with
 * backoff and jitter (honouring Retry-After); a permanent failure, or too many, parks it as
 * "attention" for an operator. Nothing is deleted. An item with a delivery window that falls due
 * outside it (a retry after a failure at 19:59, say) is moved to the window's next opening without
 * an attempt: it never goes out at the wrong hour.
 *
 * Time comes from the injected clock: tests move the clock and call runOnce(); in production
 * start() polls on a real timer and kick() runs a pass right after something was enqueued.
 * Passes never overlap (one in flight; a kick during a pass runs one more pass after it).
 */
import type { AdapterLogger, Clock } from '../../adapters/contract/index.ts';
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff.ts';
import type { Outbox } from './outbox.ts';
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
}

export interface PassReport {
  delivered: string[];
  retried: string[];
  parked: string[];
  /** Due outside their delivery window: moved to its next opening, not attempted. */
  deferred: string[];
}

export interface DeliveryWorker {
  /** Items left "delivering" by a stopped process go back to pending; returns their ids. */
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
  let inFlight: Promise<PassReport> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function record(item: OutboxItem, attempt: OutboxAttempt, patch: Partial<OutboxItem>): Promise<void> {
    const next: OutboxItem = { ...item, ...patch, updatedAt: attempt.at, history: [...item.history, attempt] };
    await outbox.save(next);
    await options.onAttempt?.(next, attempt);
  }

  /** True when the item may not go out now: it then waits for its window's next opening. */
  async function deferred(item: OutboxItem, report: PassReport): Promise<boolean> {
    if (!item.window) return false;
    const now = clock.now();
    const opening = nextWindowOpening(now, item.window);
    if (opening.getTime() <= now.getTime()) return false;
    await outbox.save({ ...item, nextAttemptAt: opening.toISOString(), updatedAt: now.toISOString() });
    report.deferred.push(item.id);
    return true;
  }

  async function deliver(item: OutboxItem, report: PassReport): Promise<void> {
    if (await deferred(item, report)) return;
    const handler = options.handlers[item.kind] as DeliveryHandler | undefined;
    const attempts = item.attempts + 1;
    const claimed: OutboxItem = { ...item, status: 'delivering', attempts, updatedAt: clock.now().toISOString() };
    await outbox.save(claimed);
    try {
      if (!handler) throw Object.assign(new Error(`no delivery handler for kind "${item.kind}"`), { permanent: true });
      const receipt = await handler(claimed);
      const at = clock.now().toISOString();
      await record(claimed, { at, outcome: 'delivered' }, {
        status: 'delivered', deliveredAt: at, lastError: undefined, ...(receipt ? { receipt } : {}),
      });
      report.delivered.push(item.id);
    } catch (err) {
      const at = clock.now();
      const error = messageOf(err);
      const permanent = (isDeliveryError(err) && err.permanent) || (err as { permanent?: boolean }).permanent === true;
      if (permanent || attempts >= backoff.maxAttempts) {
        await record(claimed, { at: at.toISOString(), outcome: 'parked', error }, { status: 'attention', lastError: error });
        logger.warn({ outbox: item.id, kind: item.kind, attempts, error }, 'outbox item needs attention');
        report.parked.push(item.id);
        return;
      }
      const wait = retryDelayMs(attempts, backoff, random, isDeliveryError(err) ? err.retryAfterMs : undefined);
      await record(claimed, { at: at.toISOString(), outcome: 'retry', error }, {
        status: 'pending', lastError: error, nextAttemptAt: new Date(at.getTime() + wait).toISOString(),
      });
      logger.info({ outbox: item.id, kind: item.kind, attempts, retryInMs: wait, error }, 'outbox delivery failed; will retry');
      report.retried.push(item.id);
    }
  }

  async function pass(): Promise<PassReport> {
    const report: PassReport = { delivered: [], retried: [], parked: [], deferred: [] };
    const moved = await outbox.rebase(clock.now());
    if (moved > 0) logger.warn({ items: moved }, 'the clock stepped back: outbox retries re-anchored to now');
    // One at a time, in order: a receiver that is down is asked once per item, not hammered.
    for (const item of await outbox.due(clock.now())) await deliver(item, report);
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
    async recover() {
      const stuck = await outbox.list({ status: 'delivering' });
      for (const item of stuck) {
        await outbox.save({ ...item, status: 'pending', updatedAt: clock.now().toISOString() });
      }
      return stuck.map((item) => item.id);
    },
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
