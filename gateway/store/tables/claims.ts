/**
 * The rules of claims on documents (DocumentRepo.claim / putClaimed), written once: the memory
 * table applies them in JavaScript, the PostgreSQL store selects with the same predicate in SQL
 * (postgres/documents.ts) and builds the claimed document here.
 */
import { StoreError } from '../types.ts';
import type { ClaimableDoc, ClaimRequest } from '../types.ts';

const ms = (value: unknown): number => (typeof value === 'string' ? Date.parse(value) : Number.NaN);

export function assertClaimRequest(request: ClaimRequest): void {
  if (typeof request.owner !== 'string' || request.owner === '') throw new StoreError('INVALID', 'claim: owner must be a non-empty string');
  if (!Number.isInteger(request.limit) || request.limit < 1) throw new StoreError('INVALID', `claim: limit must be a positive integer, not ${request.limit}`);
  if (!Number.isFinite(request.leaseMs) || request.leaseMs <= 0) throw new StoreError('INVALID', `claim: leaseMs must be positive, not ${request.leaseMs}`);
  if (Number.isNaN(request.now.getTime())) throw new StoreError('INVALID', 'claim: now is not a date');
}

/** Due at `nowMs`: pending and its time has come, or delivering under a lease that has run out. */
export function isClaimable(doc: Partial<ClaimableDoc>, nowMs: number): boolean {
  if (doc.status === 'pending') return ms(doc.nextAttemptAt) <= nowMs;
  // A claim without a lease (written before leases existed) counts as run out.
  if (doc.status === 'delivering') return !(ms(doc.leaseUntil) > nowMs);
  return false;
}

/** The document as a claim leaves it. */
export function claimed<T extends { id: string }>(doc: T, request: ClaimRequest): T {
  return {
    ...doc, status: 'delivering', claimedBy: request.owner, leaseUntil: new Date(request.now.getTime() + request.leaseMs).toISOString(),
  };
}

/** True while `owner` holds a valid lease on the document at `nowMs`. */
export function holdsLease(doc: Partial<ClaimableDoc> | undefined, owner: string, nowMs: number): boolean {
  return doc?.status === 'delivering' && doc.claimedBy === owner && ms(doc.leaseUntil) > nowMs;
}

/** Earliest nextAttemptAt first; a stable sort keeps the order of first put among equals. */
export function byNextAttempt(a: Partial<ClaimableDoc>, b: Partial<ClaimableDoc>): number {
  return ms(a.nextAttemptAt) - ms(b.nextAttemptAt);
}
