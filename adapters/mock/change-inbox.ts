/**
 * Where the mock SIS keeps what parents send it — corrections, absence reports — in memory, per
 * adapter instance, written once per idempotency key. Corrections are recorded, never applied to
 * the school's data (a real administration reviews them first); reported absences are listed by
 * listAbsences, as a SIS registers a ziekmelding.
 */
import type { AbsenceReport, ChangeProposal } from '../contract/index.ts';

export interface Received<T> {
  reference: string;
  idempotencyKey: string;
  change: T;
  /** When the mock received it (the injected clock). */
  receivedAt: string;
}

export type SubmittedChange = Received<ChangeProposal>;
export type ReceivedAbsenceReport = Received<AbsenceReport>;

export class Inbox<T> {
  private readonly entries: Array<Received<T>> = [];
  private readonly keys = new Map<string, string>();

  /** `prefix` starts each reference ("MOCK", "ZIEK"). */
  constructor(private readonly prefix = 'MOCK') {}

  /** The reference given earlier for this key, if any. */
  byKey(idempotencyKey: string): string | undefined {
    return this.keys.get(idempotencyKey);
  }

  add(idempotencyKey: string, change: T, now: Date): string {
    const earlier = this.keys.get(idempotencyKey);
    if (earlier) return earlier;
    const reference = `${this.prefix}-${String(this.entries.length + 1).padStart(6, '0')}`;
    this.entries.push({ reference, idempotencyKey, change: structuredClone(change), receivedAt: now.toISOString() });
    this.keys.set(idempotencyKey, reference);
    return reference;
  }

  /** Copies, so a test cannot rewrite what was received. */
  list(): Array<Received<T>> {
    return structuredClone(this.entries);
  }
}

export class ChangeInbox extends Inbox<ChangeProposal> {}
