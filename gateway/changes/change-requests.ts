/**
 * Change requests: the durable record of each correction and its status, and its delivery item in
 * the outbox (its payload sealed, see change-payload.ts). `submit` resolves only when both are on disk (the outbox's enqueue flushes the
 * store), so the "ontvangen" a parent sees afterwards survives a crash the next instant.
 *
 * One request per form key: the id is derived from (account, form key), writes to one request are
 * serialised, and a second submit of the same form returns the first request unchanged.
 * Status changes (delivery, an operator's decision) are appended to the request's history, audited,
 * and told to listeners (notifications subscribe with onStatusChange).
 */
import { randomUUID } from 'node:crypto';
import type { AdapterLogger, Clock } from '../../adapters/contract/index.ts';
import type { Outbox } from '../outbox/index.ts';
import type { AuditRecord, Store } from '../store/types.ts';
import { sealedPayloadOf, type ChangeSeal, type StoredChangePayload } from './change-payload.ts';
import { deliveryKeyFor, referenceFor, requestIdFor } from './form-key.ts';
import { delayOf, type ChangeDelay } from './delays.ts';
import { CHANGE_REQUESTS_COLLECTION, changeRequestsCollection } from './sealed-requests.ts';
import type { ChangedField, ChangeRequest, ChangeStatus, StatusChange } from './types.ts';

export { CHANGE_REQUESTS_COLLECTION };
export const CHANGE_KIND = 'change';

export interface SubmitInput {
  accountId: string;
  guardianId: string;
  studentId: string;
  formKey: string;
  fields: ChangedField[];
  studentName: string;
  guardianName: string;
  groupName: string;
  requestId?: string;
}

export type Decision = { status: 'processed' | 'rejected'; note?: string; actor: string; requestId?: string };

export type StatusListener = (change: StatusChange) => void | Promise<void>;
export type SubmitListener = (request: ChangeRequest) => void | Promise<void>;

export interface ChangeRequests {
  submit(input: SubmitInput): Promise<{ request: ChangeRequest; created: boolean }>;
  get(id: string): Promise<ChangeRequest | undefined>;
  /** A parent's own requests for one child, newest first. */
  listForChild(accountId: string, studentId: string): Promise<ChangeRequest[]>;
  /** Every request (the operator queue), newest first. */
  list(filter?: { status?: ChangeStatus }): Promise<ChangeRequest[]>;
  /** Delivery reached the school: submitted → in_progress (a decided request keeps its status). */
  markDelivered(id: string, delivery: { via: 'sis' | 'mail'; reference?: string }): Promise<ChangeRequest | undefined>;
  /** An operator's decision; undefined for an unknown id, `decided: false` when it was already decided. */
  decide(id: string, decision: Decision): Promise<{ request: ChangeRequest; decided: boolean } | undefined>;
  /** Called after every status change is stored; returns an unsubscribe function. */
  onStatusChange(listener: StatusListener): () => void;
  /** Called once a new request is stored and queued (not for a repeated post); returns an unsubscribe function. */
  onSubmitted(listener: SubmitListener): () => void;
  /** Whether the request is stuck (parked, or not delivered within maxPendingAge), by the clock's now. */
  delayOf(request: ChangeRequest): Promise<ChangeDelay | undefined>;
  /** Every stuck request with its reason, newest first. */
  listDelayed(): Promise<Array<{ request: ChangeRequest; delay: ChangeDelay }>>;
  /**
   * Re-queues the delivery of any request whose outbox item is missing (a crash between the two
   * writes), and seals any request still stored in plaintext (from before the data key).
   */
  recover(): Promise<string[]>;
}

export interface ChangeRequestsDeps {
  store: Store;
  outbox: Outbox;
  clock: Clock;
  logger: Pick<AdapterLogger, 'warn' | 'error'>;
  /** Seals the delivery's payload in the outbox (change-payload.ts). */
  seal: ChangeSeal;
  /** Seals the request records' personal part at rest (sealed-requests.ts). */
  dataKey: string;
  /** Asks the delivery worker for a pass (after a request is stored). */
  kick?: () => void;
  /** changes.maxPendingAge: undelivered for longer than this, a request counts as delayed. */
  maxPendingAgeMs: number;
}

const newestFirst = (a: ChangeRequest, b: ChangeRequest) => b.submittedAt.localeCompare(a.submittedAt);

export function createChangeRequests(deps: ChangeRequestsDeps): ChangeRequests {
  const { store, outbox, clock, logger } = deps;
  const requests = changeRequestsCollection(store, deps.dataKey);
  const listeners = new Set<StatusListener>();
  const submitListeners = new Set<SubmitListener>();
  const locks = new Map<string, Promise<unknown>>();

  /** Runs `work` after any earlier work on the same request: read-modify-write never interleaves. */
  function serialised<T>(id: string, work: () => Promise<T>): Promise<T> {
    const before = locks.get(id) ?? Promise.resolve();
    const run = before.catch(() => undefined).then(work);
    locks.set(id, run);
    void run.catch(() => undefined).finally(() => {
      if (locks.get(id) === run) locks.delete(id);
    });
    return run;
  }

  async function audit(record: Omit<AuditRecord, 'id' | 'at'>): Promise<void> {
    await store.audit.append({ id: randomUUID(), at: clock.now().toISOString(), ...record });
  }

  async function tell(change: StatusChange): Promise<void> {
    for (const listener of listeners) {
      try {
        await listener(change);
      } catch (err) {
        logger.error({ err, request: change.request.reference }, 'change request status listener failed');
      }
    }
  }

  async function delay(request: ChangeRequest): Promise<ChangeDelay | undefined> {
    if (request.status !== 'submitted') return undefined;
    return delayOf(request, await outbox.get(request.deliveryKey), clock.now(), deps.maxPendingAgeMs);
  }

  async function enqueue(request: ChangeRequest): Promise<void> {
    await outbox.enqueue<StoredChangePayload>({ id: request.deliveryKey, kind: CHANGE_KIND, payload: sealedPayloadOf(request, deps.seal) });
  }

  return {
    submit(input) {
      const id = requestIdFor(input.accountId, input.formKey);
      return serialised(id, async () => {
        const existing = await requests.get(id);
        if (existing) {
          // Heals a crash between the two writes of the first submit; otherwise a no-op.
          await enqueue(existing);
          return { request: existing, created: false };
        }
        const at = clock.now().toISOString();
        const request: ChangeRequest = {
          id, reference: referenceFor(id), deliveryKey: deliveryKeyFor(id),
          accountId: input.accountId, guardianId: input.guardianId, studentId: input.studentId,
          studentName: input.studentName, guardianName: input.guardianName, groupName: input.groupName,
          fields: input.fields.map((f) => ({ ...f })), status: 'submitted', submittedAt: at, updatedAt: at,
          history: [{ at, status: 'submitted', by: 'parent' }],
        };
        await requests.put(request);
        await audit({
          actor: input.accountId, actorKind: 'parent', action: 'change.submit', studentId: input.studentId,
          section: 'changes', requestId: input.requestId, detail: { reference: request.reference, fields: request.fields.length },
        });
        // The enqueue flushes the store: the request, its audit record and its delivery are durable together.
        await enqueue(request);
        deps.kick?.();
        // The request is durable: a failing listener is logged, never turned into a refusal.
        for (const listener of submitListeners) {
          try {
            await listener(request);
          } catch (err) {
            logger.error({ err, request: request.reference }, 'change request submit listener failed');
          }
        }
        return { request, created: true };
      });
    },

    get: (id) => requests.get(id),

    async listForChild(accountId, studentId) {
      const found = await requests.list((r) => r.accountId === accountId && r.studentId === studentId);
      return found.sort(newestFirst);
    },

    async list(filter = {}) {
      const found = await requests.list((r) => filter.status === undefined || r.status === filter.status);
      return found.sort(newestFirst);
    },

    async markDelivered(id, delivery) {
      const change = await serialised(id, async () => {
        const request = await requests.get(id);
        if (!request) return undefined;
        const at = clock.now().toISOString();
        const moved = request.status === 'submitted';
        const next: ChangeRequest = {
          ...request, updatedAt: at, delivery: { ...delivery, at },
          ...(moved ? { status: 'in_progress' as const, history: [...request.history, { at, status: 'in_progress' as const, by: 'system' as const }] } : {}),
        };
        await requests.put(next);
        await store.flush();
        return { next, from: request.status, moved };
      });
      if (!change) return undefined;
      if (change.moved) await tell({ request: change.next, from: change.from, to: change.next.status });
      return change.next;
    },

    async decide(id, decision) {
      const outcome = await serialised(id, async () => {
        const request = await requests.get(id);
        if (!request) return undefined;
        if (request.status === 'processed' || request.status === 'rejected') return { request, decided: false, from: request.status };
        const at = clock.now().toISOString();
        const note = decision.note?.trim() || undefined;
        const next: ChangeRequest = {
          ...request, status: decision.status, updatedAt: at, ...(note ? { schoolNote: note } : {}),
          history: [...request.history, { at, status: decision.status, by: 'operator', actor: decision.actor, ...(note ? { note } : {}) }],
        };
        await requests.put(next);
        await audit({
          actor: decision.actor, actorKind: 'operator', action: `change.${decision.status}`, studentId: request.studentId,
          section: 'changes', requestId: decision.requestId, detail: { reference: request.reference, note: note !== undefined },
        });
        await store.flush();
        return { request: next, decided: true, from: request.status };
      });
      if (!outcome) return undefined;
      if (outcome.decided) await tell({ request: outcome.request, from: outcome.from, to: outcome.request.status });
      return { request: outcome.request, decided: outcome.decided };
    },

    delayOf: delay,

    async listDelayed() {
      const delayed = [];
      for (const request of (await requests.list((r) => r.status === 'submitted')).sort(newestFirst)) {
        const found = await delay(request);
        if (found) delayed.push({ request, delay: found });
      }
      return delayed;
    },

    onStatusChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onSubmitted(listener) {
      submitListeners.add(listener);
      return () => submitListeners.delete(listener);
    },

    async recover() {
      const healed: string[] = [];
      for (const request of await requests.list()) {
        if (await outbox.get(request.deliveryKey)) continue;
        await enqueue(request);
        healed.push(request.reference);
      }
      if (healed.length > 0) logger.warn({ count: healed.length }, 'change requests without a delivery were queued again');
      const resealed = await requests.resealPlain();
      if (resealed > 0) {
        await store.flush();
        logger.warn({ count: resealed }, 'change requests stored in plaintext were sealed with the data key');
      }
      return healed;
    },
  };
}
