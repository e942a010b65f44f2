import { StoreError } from '../types.ts';
import type { AuditQuery, AuditRecord, AuditRepo } from '../types.ts';
import { copyOut, parseTime, requireId, toStored } from './table-hooks.ts';
import type { TableHooks } from './table-hooks.ts';

interface Row {
  record: AuditRecord;
  atMs: number;
}

/**
 * The audit log in memory, kept sorted by time (oldest first) so "newest first" is a backwards
 * walk that can stop early and retention is one cut at the front. Records arrive in time order
 * almost always, so appending is a push; a late one is inserted after its equals.
 */
export class AuditTable implements AuditRepo {
  readonly #rows: Row[] = [];
  readonly #ids = new Set<string>();

  constructor(private readonly hooks: TableHooks) {}

  load(records: AuditRecord[]): void {
    this.#rows.length = 0;
    this.#ids.clear();
    for (const record of records) this.#insert(record);
  }

  snapshot(): AuditRecord[] {
    return this.#rows.map((row) => row.record);
  }

  async append(record: AuditRecord): Promise<void> {
    this.hooks.assertOpen();
    this.#insert(toStored(record));
    this.hooks.changed();
  }

  async query(q: AuditQuery): Promise<AuditRecord[]> {
    this.hooks.assertOpen();
    const fromMs = q.from === undefined ? -Infinity : parseTime(q.from, 'from');
    const toMs = q.to === undefined ? Infinity : parseTime(q.to, 'to');
    const limit = q.limit ?? Infinity;
    if (limit !== Infinity && (!Number.isInteger(limit) || limit < 1)) {
      throw new StoreError('INVALID', `limit must be a positive integer, not ${limit}`);
    }
    const found: AuditRecord[] = [];
    for (let i = this.#rows.length - 1; i >= 0 && found.length < limit; i -= 1) {
      const { record, atMs } = this.#rows[i]!;
      if (atMs < fromMs) break;
      if (atMs >= toMs) continue;
      if (q.actor !== undefined && record.actor !== q.actor) continue;
      if (q.studentId !== undefined && record.studentId !== q.studentId) continue;
      if (q.action !== undefined && record.action !== q.action) continue;
      found.push(copyOut(record));
    }
    return found;
  }

  async purgeOlderThan(before: Date): Promise<number> {
    this.hooks.assertOpen();
    const cut = this.#firstIndexAfter(before.getTime() - 1);
    const removed = this.#rows.splice(0, cut);
    for (const row of removed) this.#ids.delete(row.record.id);
    if (removed.length > 0) this.hooks.changed();
    return removed.length;
  }

  #insert(record: AuditRecord): void {
    requireId(record.id, 'id');
    const atMs = parseTime(record.at, 'at');
    if (this.#ids.has(record.id)) throw new StoreError('DUPLICATE', `Audit record ${record.id} exists`);
    this.#ids.add(record.id);
    const last = this.#rows.at(-1);
    if (!last || last.atMs <= atMs) this.#rows.push({ record, atMs });
    else this.#rows.splice(this.#firstIndexAfter(atMs), 0, { record, atMs });
  }

  /** Index of the first row with atMs > ms (binary search). */
  #firstIndexAfter(ms: number): number {
    let low = 0;
    let high = this.#rows.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#rows[mid]!.atMs <= ms) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
