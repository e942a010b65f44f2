/**
 * Leave requests: the durable record of each request and, in the same flush, the mail that tells
 * the administration a request waits (through the outbox, so "ontvangen" holds after a crash).
 * One request per form key. A decision (approved / refused, with a note) is made once, audited
 * with the staff member's name, and told to listeners (the parent's notification).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../../adapters/contract/index.ts';
import { referenceFor } from '../changes/form-key.ts';
import type { DocumentRepo, Store } from '../store/types.ts';
import type { LeaveRequest } from './types.ts';

export const LEAVE_REQUESTS_COLLECTION = 'leaveRequests';

export interface LeaveSubmitInput {
  accountId: string; guardianId: string; studentId: string; formKey: string;
  from: string; to: string; schoolDays: number; reason: string;
  studentName: string; guardianName: string; groupName: string; requestId?: string;
}

export interface LeaveDecisionInput { status: 'approved' | 'refused'; note?: string; actor: string; requestId?: string }

export type LeaveListener = (request: LeaveRequest) => void | Promise<void>;

export interface LeaveRequests {
  submit(input: LeaveSubmitInput): Promise<{ request: LeaveRequest; created: boolean }>;
  get(id: string): Promise<LeaveRequest | undefined>;
  /** A parent's own requests for one child, newest first. */
  listForChild(accountId: string, studentId: string): Promise<LeaveRequest[]>;
  /** Every request (the staff page): undecided first, then by first day. */
  list(): Promise<LeaveRequest[]>;
  /** undefined for an unknown id; `decided: false` when it was decided before. */
  decide(id: string, decision: LeaveDecisionInput): Promise<{ request: LeaveRequest; decided: boolean } | undefined>;
  onDecision(listener: LeaveListener): () => void;
}

export interface LeaveRequestsDeps {
  store: Store;
  clock: Clock;
  /** Queues the administration's mail (durable in the outbox); absent: no mail route. */
  announce?: (request: LeaveRequest) => Promise<void>;
  logger: { error(obj: object, msg?: string): void };
}

export function leaveRequestIdFor(accountId: string, formKey: string): string {
  return createHash('sha256').update(`leave-request\0${accountId}\0${formKey}`).digest('hex');
}

export function createLeaveRequests(deps: LeaveRequestsDeps): LeaveRequests {
  const { store, clock } = deps;
  const requests: DocumentRepo<LeaveRequest> = store.collection<LeaveRequest>(LEAVE_REQUESTS_COLLECTION);
  const listeners = new Set<LeaveListener>();
  let queue: Promise<unknown> = Promise.resolve();
  /** Writes one at a time: a double post or two staff members at once never interleave. */
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.catch(() => undefined).then(work);
    queue = run;
    return run;
  };
  const audit = (record: { actor: string; actorKind: 'parent' | 'operator'; action: string; studentId: string; requestId?: string; detail: Record<string, string | number | boolean> }) =>
    store.audit.append({ id: randomUUID(), at: clock.now().toISOString(), section: 'leave', ...record });

  return {
    submit(input) {
      return serialised(async () => {
        const id = leaveRequestIdFor(input.accountId, input.formKey);
        const existing = await requests.get(id);
        if (existing) return { request: existing, created: false };
        const at = clock.now().toISOString();
        const request: LeaveRequest = {
          id, reference: referenceFor(id, 'VL'), accountId: input.accountId, guardianId: input.guardianId, studentId: input.studentId,
          studentName: input.studentName, guardianName: input.guardianName, groupName: input.groupName,
          from: input.from, to: input.to, schoolDays: input.schoolDays, reason: input.reason,
          status: 'submitted', submittedAt: at, updatedAt: at,
        };
        await requests.put(request);
        await audit({ actor: input.accountId, actorKind: 'parent', action: 'leave.submit', studentId: input.studentId, requestId: input.requestId, detail: { reference: request.reference, schoolDays: request.schoolDays } });
        // The mail's enqueue flushes the store: request, audit record and mail are durable together.
        if (deps.announce) await deps.announce(request);
        else await store.flush();
        return { request, created: true };
      });
    },

    get: (id) => requests.get(id),

    async listForChild(accountId, studentId) {
      return (await requests.list((r) => r.accountId === accountId && r.studentId === studentId))
        .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    },

    async list() {
      return (await requests.list()).sort((a, b) => Number(a.status !== 'submitted') - Number(b.status !== 'submitted') || a.from.localeCompare(b.from));
    },

    async decide(id, decision) {
      const outcome = await serialised(async () => {
        const request = await requests.get(id);
        if (!request) return undefined;
        if (request.decision) return { request, decided: false };
        const at = clock.now().toISOString();
        const note = decision.note?.trim() || undefined;
        const next: LeaveRequest = {
          ...request, status: decision.status, updatedAt: at,
          decision: { status: decision.status, by: decision.actor, at, ...(note ? { note } : {}) },
        };
        await requests.put(next);
        await audit({ actor: decision.actor, actorKind: 'operator', action: `leave.${decision.status}`, studentId: request.studentId, requestId: decision.requestId, detail: { reference: request.reference, note: note !== undefined, schoolDays: request.schoolDays } });
        await store.flush();
        return { request: next, decided: true };
      });
      if (outcome?.decided) {
        for (const listener of listeners) {
          try {
            await listener(outcome.request);
          } catch (err) {
            deps.logger.error({ err, request: outcome.request.reference }, 'leave decision listener failed');
          }
        }
      }
      return outcome;
    },

    onDecision(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
