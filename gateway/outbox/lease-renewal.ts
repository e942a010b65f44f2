/**
 * Keeps a worker's claim on an item alive while its handler runs: every leaseMs/3 (real time) the
 * claim is written again with leaseUntil = now + leaseMs. Without it a delivery slower than the
 * lease (a slow SMTP server, an SIS near its deadline) lost its item to the next worker's claim
 * and went out twice. A renewal that finds the lease already lost stops renewing: the outcome
 * write then fails too and the other worker's claim decides, as before.
 *
 * stop() clears the timer and waits for a renewal in flight, so the outcome written after it is
 * never overwritten by a late renewal (which would put the item back to "delivering").
 */
import type { AdapterLogger, Clock } from '../../adapters/contract/index.ts';
import type { Outbox } from './outbox.ts';
import type { OutboxItem } from './types.ts';

export interface LeaseRenewal {
  stop(): Promise<void>;
}

export function renewLease(
  item: OutboxItem, owner: string, leaseMs: number, deps: { outbox: Outbox; clock: Clock; logger: AdapterLogger },
): LeaseRenewal {
  let inFlight: Promise<void> | undefined;
  let stopped = false;
  const renew = async () => {
    const until = new Date(deps.clock.now().getTime() + leaseMs).toISOString();
    try {
      if (!await deps.outbox.saveClaimed({ ...item, leaseUntil: until }, owner)) stop();
    } catch (err) {
      // The next renewal (or the outcome write) tries again; the lease may still hold until then.
      deps.logger.warn({ err, outbox: item.id }, 'outbox: renewing the claim on an item failed');
    }
  };
  const timer = setInterval(() => {
    if (stopped || inFlight) return;
    inFlight = renew().finally(() => {
      inFlight = undefined;
    });
  }, Math.max(1, Math.floor(leaseMs / 3)));
  // A pending renewal never keeps the process alive by itself.
  timer.unref();
  function stop(): void {
    stopped = true;
    clearInterval(timer);
  }
  return {
    async stop() {
      stop();
      await inFlight;
    },
  };
}
