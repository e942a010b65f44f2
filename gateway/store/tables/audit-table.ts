import { StoreError } from '../types.ts';
import type { AuditKind, AuditQuery, AuditRecord, AuditRepo } from '../types.ts';
import { copyOut, parseTime, requireId, toStored } from './table-hooks.ts';
import type { TableHooks } from './table-hooks.ts';

/**
 * The audit log in memory, kept sorted by time (oldest first) so "newest first" is a backwards
 * walk that can stop early and retention is one cut at the front. Records arrive in time order
 * almost always, so appending is a push; a late one is inserted after its equals. The records
 * and their times are kept side by side, so a snapshot (the lowdb store takes one per write of
 * audit.json, which grows with every page view) is a copy of one array.
 */
export class AuditTable implements AuditRepo {
  readonly #records: AuditRecord[] = [];
  /** #atMs[i] is the time of #records[i], in ms. */
  readonly #atMs: number[] = [];
  readonly #ids = new Set<string>();

  constructor(private readonly hooks: TableHooks) {}

  load(records: AuditRecord[]): void {
    this.#records.length = 0;
    this.#atMs.length = 0;
    this.#ids.clear();
    for (const record of records) this.#insert(record);
  }

  snapshot(): AuditRecord[] {
    return this.#records.slice();
  }

  async append(record: AuditRecord): Promise<void> {
    this.hooks.beforeWrite();
    this.#insert(toStored(record));
    this.hooks.changed();
  }

  async query(q: AuditQuery): Promise<AuditRecord[]> {
    this.hooks.assertOpen();
    const limit = q.limit ?? Infinity;
    if (limit !== Infinity && (!Number.isInteger(limit) || limit < 1)) {
      throw new StoreError('INVALID', `limit must be a positive integer, not ${limit}`);
    }
    const offset = q.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0) throw new StoreError('INVALID', `offset must be a non-negative integer, not ${offset}`);
    const found: AuditRecord[] = [];
    let skipped = 0;
    this.#walk(q, (record) => {
      if (skipped < offset) skipped += 1;
      else found.push(copyOut(record));
      return found.length < limit;
    });
    return found;
  }

  async count(q: AuditQuery): Promise<number> {
    this.hooks.assertOpen();
    let n = 0;
    this.#walk(q, () => {
      n += 1;
      return true;
    });
    return n;
  }

  /** Visits the matches newest first while `visit` returns true. */
  #walk(q: AuditQuery, visit: (record: AuditRecord) => boolean): void {
    const fromMs = q.from === undefined ? -Infinity : parseTime(q.from, 'from');
    const toMs = q.to === undefined ? Infinity : parseTime(q.to, 'to');
    for (let i = this.#records.length - 1; i >= 0; i -= 1) {
      const record = this.#records[i]!;
      const atMs = this.#atMs[i]!;
      if (atMs < fromMs) break;
      if (atMs >= toMs) continue;
      if (q.actor !== undefined && record.actor !== q.actor) continue;
      if (q.actorKind !== undefined && record.actorKind !== q.actorKind) continue;
      if (q.studentId !== undefined && record.studentId !== q.studentId) continue;
      if (q.action !== undefined && record.action !== q.action) continue;
      if (q.section !== undefined && record.section !== q.section) continue;
      if (q.kind !== undefined && !isKind(record, q.kind)) continue;
      if (q.account !== undefined && record.actor !== q.account && record.detail?.account !== q.account) continue;
      if (!visit(record)) return;
    }
  }

  async purgeOlderThan(before: Date): Promise<number> {
    this.hooks.beforeWrite();
    const cut = this.#firstIndexAfter(before.getTime() - 1);
    const removed = this.#records.splice(0, cut);
    this.#atMs.splice(0, cut);
    for (const record of removed) this.#ids.delete(record.id);
    if (removed.length > 0) this.hooks.changed();
    return removed.length;
  }

  #insert(record: AuditRecord): void {
    requireId(record.id, 'id');
    const atMs = parseTime(record.at, 'at');
    if (this.#ids.has(record.id)) throw new StoreError('DUPLICATE', `Audit record ${record.id} exists`);
    this.#ids.add(record.id);
    const last = this.#atMs.at(-1);
    if (last === undefined || last <= atMs) {
      this.#records.push(record);
      this.#atMs.push(atMs);
    } else {
      const at = this.#firstIndexAfter(atMs);
      this.#records.splice(at, 0, record);
      this.#atMs.splice(at, 0, atMs);
    }
  }

  /** Index of the first row with atMs > ms (binary search). */
  #firstIndexAfter(ms: number): number {
    let low = 0;
    let high = this.#atMs.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#atMs[mid]! <= ms) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function isKind(record: AuditRecord, kind: AuditKind): boolean {
  switch (kind) {
    case 'view': return record.action === 'view';
    case 'denial': return record.action.endsWith('.refused') || record.action.endsWith('.denied');
    case 'staff': return record.actorKind === 'operator' && record.action !== 'view';
  }
}
