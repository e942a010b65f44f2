/**
 * Where the mock SIS keeps the corrections it receives: in memory, per adapter instance, written
 * once per idempotency key. Changes are recorded, never applied to the school's data — a real
 * administration reviews them first.
 */
import type { ChangeProposal } from '../contract/index.ts';

export interface SubmittedChange {
  reference: string;
  idempotencyKey: string;
  change: ChangeProposal;
  /** When the mock received it (the injected clock). */
  receivedAt: string;
}

export class ChangeInbox {
  private readonly entries: SubmittedChange[] = [];
  private readonly keys = new Map<string, string>();

  /** The reference given earlier for this key, if any. */
  byKey(idempotencyKey: string): string | undefined {
    return this.keys.get(idempotencyKey);
  }

  add(idempotencyKey: string, change: ChangeProposal, now: Date): string {
    const earlier = this.keys.get(idempotencyKey);
    if (earlier) return earlier;
    const reference = `MOCK-${String(this.entries.length + 1).padStart(6, '0')}`;
    this.entries.push({ reference, idempotencyKey, change: structuredClone(change), receivedAt: now.toISOString() });
    this.keys.set(idempotencyKey, reference);
    return reference;
  }

  /** Copies, so a test cannot rewrite what was received. */
  list(): SubmittedChange[] {
    return structuredClone(this.entries);
  }
}
