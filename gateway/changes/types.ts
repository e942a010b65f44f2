/**
 * A parent's correction as the portal keeps it (DESIGN §7). The request record holds what the
 * parent sees (status, the school's note); its delivery is an outbox item of kind "change" whose
 * id is the request's delivery key. Both are durable before the parent sees "ontvangen".
 */
import type { ChangeProposal } from '../../adapters/contract/index.ts';

/**
 * submitted: stored, not yet with the school. in_progress: delivered to the SIS or the
 * administration, waiting for the school. processed / rejected: the school's decision (an operator
 * sets it, a rejection with a note for the parent).
 */
export const CHANGE_STATUSES = ['submitted', 'in_progress', 'processed', 'rejected'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

/** One proposed field: the proposal's field name, the value the parent saw (if any), the new one. */
export interface ChangedField {
  field: string;
  old?: string;
  new: string;
  /** The data is secret (geheim): not to be shown to the other parent; the SIS keeps the flag. */
  secret?: boolean;
}

export interface ChangeStatusEntry {
  at: string;
  status: ChangeStatus;
  /** parent (submitted), system (delivery) or operator (decision). */
  by: 'parent' | 'system' | 'operator';
  /** The operator's username, for operator entries. */
  actor?: string;
  note?: string;
}

export interface ChangeRequest {
  /** Derived from the account and the form key: one form, one request. */
  id: string;
  /** Short, shown to the parent and the administration ("WZ-7K3Q-9F2M"). */
  reference: string;
  /** The outbox item's id, passed on as the SIS's idempotency key. */
  deliveryKey: string;
  accountId: string;
  guardianId: string;
  studentId: string;
  /** For the administration's mail and the operator queue (the SIS may be down when they look). */
  studentName: string;
  guardianName: string;
  groupName: string;
  fields: ChangedField[];
  status: ChangeStatus;
  /** The school's note with its decision, shown to the parent. */
  schoolNote?: string;
  submittedAt: string;
  updatedAt: string;
  /** How and when it reached the school. */
  delivery?: { via: 'sis' | 'mail'; at: string; reference?: string };
  history: ChangeStatusEntry[];
}

/**
 * What delivery needs, even if the request record were lost. The outbox keeps it sealed
 * (change-payload.ts: SealedChangePayload), opened only by the delivery handler.
 */
export interface ChangePayload {
  requestId: string;
  reference: string;
  proposal: ChangeProposal;
  studentName: string;
  guardianName: string;
  groupName: string;
}

export interface StatusChange {
  request: ChangeRequest;
  from: ChangeStatus;
  to: ChangeStatus;
}
