/**
 * Conversation requests (collection conversationRequests): one per form key, stored and flushed
 * together with the mail that announces it before the parent is told "ontvangen". Staff note the
 * agreed moment (status planned), which the parent then sees; both steps are audited. A request is
 * only ever listed to the account that made it — the other parent sees nothing of it.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../../adapters/contract/index.ts';
import { referenceFor } from '../changes/form-key.ts';
import type { Store } from '../store/types.ts';
import type { Moment } from './form.ts';

export const CONVERSATIONS_COLLECTION = 'conversationRequests';

export type ConversationStatus = 'received' | 'planned';

export interface ConversationRequest {
  /** Derived from the account and the form key: a double post lands on the same request. */
  id: string;
  /** "GS-7K3Q-9F2M", for parent and staff. */
  reference: string;
  accountId: string;
  guardianId: string;
  studentId: string;
  topic: string;
  moments: Moment[];
  /** Where the announcement went: the teacher's address from the SIS, or the administration. */
  routedTo: 'teacher' | 'administration';
  status: ConversationStatus;
  createdAt: string;
  /** Staff's agreed moment: a local date and time, "YYYY-MM-DDTHH:mm". */
  agreed?: string;
  plannedAt?: string;
  plannedBy?: string;
}

export function conversationIdFor(accountId: string, formKey: string): string {
  return createHash('sha256').update(`conversation\0${accountId}\0${formKey}`).digest('hex');
}

export function conversationReference(id: string): string {
  return referenceFor(id, 'GS');
}

export interface ConversationRequests {
  /** Stores the request unless its id is known; `created: false` for a repeated post. */
  create(request: Omit<ConversationRequest, 'reference' | 'status' | 'createdAt'>, requestId?: string): Promise<{ request: ConversationRequest; created: boolean }>;
  get(id: string): Promise<ConversationRequest | undefined>;
  list(): Promise<ConversationRequest[]>;
  listForChild(accountId: string, studentId: string): Promise<ConversationRequest[]>;
  plan(id: string, agreed: string, operator: string, requestId?: string): Promise<ConversationRequest | undefined>;
  purgeBefore(cutoff: Date): Promise<number>;
}

export function createConversationRequests(deps: { store: Pick<Store, 'collection' | 'audit' | 'flush'>; clock: Clock }): ConversationRequests {
  const docs = deps.store.collection<ConversationRequest>(CONVERSATIONS_COLLECTION);
  const audit = (actor: string, actorKind: 'parent' | 'operator', action: string, request: ConversationRequest, requestId?: string) =>
    deps.store.audit.append({
      id: randomUUID(), at: deps.clock.now().toISOString(), actor, actorKind, action, studentId: request.studentId,
      section: 'conversations', requestId, detail: { reference: request.reference },
    });
  return {
    async create(input, requestId) {
      const known = await docs.get(input.id);
      if (known) return { request: known, created: false };
      const request: ConversationRequest = {
        ...input, reference: conversationReference(input.id), status: 'received', createdAt: deps.clock.now().toISOString(),
      };
      await docs.put(request);
      await audit(input.accountId, 'parent', 'conversation.request', request, requestId);
      return { request, created: true };
    },
    get: (id) => docs.get(id),
    async list() {
      return (await docs.list()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    async listForChild(accountId, studentId) {
      return (await docs.list((d) => d.accountId === accountId && d.studentId === studentId)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
    async plan(id, agreed, operator, requestId) {
      const known = await docs.get(id);
      if (!known) return undefined;
      const planned: ConversationRequest = { ...known, status: 'planned', agreed, plannedAt: deps.clock.now().toISOString(), plannedBy: operator };
      await docs.put(planned);
      await audit(operator, 'operator', 'conversation.plan', planned, requestId);
      await deps.store.flush();
      return planned;
    },
    async purgeBefore(cutoff) {
      const old = await docs.list((d) => Date.parse(d.createdAt) <= cutoff.getTime());
      for (const d of old) await docs.delete(d.id);
      return old.length;
    },
  };
}
