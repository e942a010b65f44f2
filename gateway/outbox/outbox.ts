/**
 * The outbox over the store's "outbox" collection. `enqueue` returns only once the item is durable
 * on disk (store.flush), so whoever acknowledges to a parent after it may be killed the next
 * instant and the item is still there at restart.
 */
import type { Clock } from '../../adapters/contract/index.ts';
import type { Store } from '../store/types.ts';
import type { OutboxItem, OutboxStatus } from './types.ts';
import { assertDeliveryWindow, type DeliveryWindow } from './window.ts';

export const OUTBOX_COLLECTION = 'outbox';

export interface EnqueueInput<P> {
  /** The delivery key; the same key twice is one item. */
  id: string;
  kind: string;
  payload: P;
  /** Not before this instant; default now. */
  notBefore?: Date;
  /** Only inside this local window (see window.ts); kept on the item for every attempt. */
  window?: DeliveryWindow;
}

export interface Outbox {
  /** Stores the item durably; `created: false` (and the stored item) when the id was already there. */
  enqueue<P>(input: EnqueueInput<P>): Promise<{ item: OutboxItem<P>; created: boolean }>;
  get<P = unknown>(id: string): Promise<OutboxItem<P> | undefined>;
  list<P = unknown>(filter?: { kind?: string; status?: OutboxStatus }): Promise<OutboxItem<P>[]>;
  /** Items whose turn has come (pending, nextAttemptAt <= now), oldest first. */
  due(now: Date): Promise<OutboxItem[]>;
  /**
   * Claims up to `limit` due items for `owner` until now + leaseMs (DocumentRepo.claim): also items
   * whose lease ran out. Workers claiming at once, in any process on the store, get disjoint items.
   */
  claim(owner: string, leaseMs: number, limit: number): Promise<OutboxItem[]>;
  /**
   * Writes a claimed item back while `owner`'s lease on it holds at the clock's now, durable before
   * it resolves; false (nothing written) once the lease is lost: another worker has the item.
   */
  saveClaimed(item: OutboxItem, owner: string): Promise<boolean>;
  /** Every claim goes (items "delivering" back to pending): only for a store one process uses. */
  releaseAll(): Promise<string[]>;
  /**
   * Re-anchors pending items scheduled "later than now" by a clock that has since stepped back (an
   * NTP correction, the demo clock restarting): each keeps its wait, counted from now, so a step
   * back delays nothing by more than the retry interval. Returns how many moved.
   */
  rebase(now: Date): Promise<number>;
  /** Writes an item back (the worker's state changes); durable before it resolves. */
  save(item: OutboxItem): Promise<void>;
  /** An operator sends a parked item again: back to pending, due now, attempts kept in history. */
  requeue(id: string): Promise<OutboxItem | undefined>;
  /**
   * Retention: deletes an item that was delivered (true). Anything not delivered yet is kept
   * (false): what the portal promised to deliver is never purged. Not flushed: the caller flushes.
   */
  purgeDelivered(id: string): Promise<boolean>;
  /** Retention: deletes a parked item (status attention) no operator sent again; false for any other. */
  purgeParked(id: string): Promise<boolean>;
  /** Resolves once everything written so far is on disk (what enqueue waits for). */
  flush(): Promise<void>;
}

/** The item without its claim (claimedBy, leaseUntil): what a worker writes when it lets go. */
export function withoutClaim<P>(item: OutboxItem<P>): OutboxItem<P> {
  const { claimedBy: _by, leaseUntil: _until, ...rest } = item;
  return rest;
}

export function createOutbox(store: Store, clock: Clock, collection = OUTBOX_COLLECTION): Outbox {
  const items = store.collection<OutboxItem>(collection);
  /** Deletes the item only while it has `status` (a requeue in between keeps it). */
  const purgeIn = async (id: string, status: OutboxStatus) => {
    const item = await items.get(id);
    if (item?.status !== status) return false;
    await items.delete(id);
    return true;
  };
  const save = async (item: OutboxItem) => {
    await items.put(item);
    await store.flush();
  };
  return {
    async enqueue<P>(input: EnqueueInput<P>) {
      if (input.window) assertDeliveryWindow(input.window);
      const existing = await items.get(input.id);
      if (existing) return { item: existing as OutboxItem<P>, created: false };
      const now = clock.now().toISOString();
      const item: OutboxItem<P> = {
        id: input.id, kind: input.kind, payload: input.payload, status: 'pending', attempts: 0,
        createdAt: now, updatedAt: now, nextAttemptAt: (input.notBefore ?? clock.now()).toISOString(), history: [],
        ...(input.window && { window: { from: input.window.from, to: input.window.to, timeZone: input.window.timeZone } }),
      };
      await save(item);
      return { item, created: true };
    },
    get: async <P>(id: string) => (await items.get(id)) as OutboxItem<P> | undefined,
    list: async <P>(filter: { kind?: string; status?: OutboxStatus } = {}) => (await items.list((item) =>
      (filter.kind === undefined || item.kind === filter.kind)
      && (filter.status === undefined || item.status === filter.status))) as OutboxItem<P>[],
    async due(now) {
      const at = now.getTime();
      const ready = await items.list((item) => item.status === 'pending' && Date.parse(item.nextAttemptAt) <= at);
      return ready.sort((a, b) => Date.parse(a.nextAttemptAt) - Date.parse(b.nextAttemptAt));
    },
    claim: (owner, leaseMs, limit) => items.claim({ owner, now: clock.now(), leaseMs, limit }),
    async saveClaimed(item, owner) {
      const kept = await items.putClaimed(item, owner, clock.now());
      if (kept) await store.flush();
      return kept;
    },
    async releaseAll() {
      const stuck = await items.list((item) => item.status === 'delivering');
      const now = clock.now().toISOString();
      for (const item of stuck) await items.put({ ...withoutClaim(item), status: 'pending', updatedAt: now });
      if (stuck.length > 0) await store.flush();
      return stuck.map((item) => item.id);
    },
    save,
    async rebase(now) {
      const at = now.getTime();
      const ahead = await items.list((item) => item.status === 'pending' && Date.parse(item.updatedAt) > at);
      for (const item of ahead) {
        const wait = Math.max(0, Date.parse(item.nextAttemptAt) - Date.parse(item.updatedAt));
        await items.put({ ...item, nextAttemptAt: new Date(at + wait).toISOString(), updatedAt: now.toISOString() });
      }
      if (ahead.length > 0) await store.flush();
      return ahead.length;
    },
    async requeue(id) {
      const item = await items.get(id);
      if (!item || item.status !== 'attention') return item;
      const now = clock.now().toISOString();
      const requeued: OutboxItem = { ...item, status: 'pending', attempts: 0, nextAttemptAt: now, updatedAt: now };
      await save(requeued);
      return requeued;
    },
    purgeDelivered: (id) => purgeIn(id, 'delivered'),
    purgeParked: (id) => purgeIn(id, 'attention'),
    flush: () => store.flush(),
  };
}
