import { parseTime, requireId } from '../tables/table-hooks.ts';
import { StoreError } from '../types.ts';
import type { AuditQuery, AuditRecord, AuditRepo } from '../types.ts';
import { toJson } from './db.ts';
import type { Db } from './db.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

const COLUMNS = 7;

interface Pending {
  values: unknown[];
  done: { resolve: () => void; reject: (err: unknown) => void };
}

/**
 * The audit log in PostgreSQL; seq breaks ties between records of the same moment (last appended
 * first). Every page view appends a record and waits for its commit before the page is sent, and
 * a commit waits for the WAL on disk: appends that arrive while one INSERT is under way go
 * together in the next (one commit for many page views, in the order they were appended). The
 * first INSERT starts one microtask after the first append, so appends issued together (one
 * request's records, Promise.all) share it. A batch
 * that fails is tried record by record, so each append gets its own answer.
 */
export class PgAudit implements AuditRepo {
  #queue: Pending[] = [];
  #inFlight = false;

  constructor(private readonly db: Db) {}

  async append(record: AuditRecord): Promise<void> {
    this.db.assertOpen();
    requireId(record.id, 'id');
    const atMs = parseTime(record.at, 'at');
    const values = [this.db.schoolId, record.id, iso(atMs), String(record.actor), String(record.action), record.studentId ?? null, toJson(record)];
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ values, done: { resolve, reject } });
      if (this.#inFlight) return;
      this.#inFlight = true;
      // One microtask later: the appends one request makes together (a results page's sections)
      // are all queued by then and go out in one INSERT, one commit.
      void this.db.track(Promise.resolve().then(() => this.#drain()));
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, 100);
      try {
        await this.#insert(batch.flatMap((p) => p.values), batch.length);
        for (const p of batch) p.done.resolve();
      } catch (err) {
        if (batch.length === 1) {
          batch[0]!.done.reject(err);
          continue;
        }
        for (const p of batch) await this.#insert(p.values, 1).then(p.done.resolve, p.done.reject);
      }
    }
    this.#inFlight = false;
  }

  async #insert(values: unknown[], rows: number): Promise<void> {
    const tuples = Array.from({ length: rows }, (_, r) =>
      `(${Array.from({ length: COLUMNS }, (_c, c) => `$${r * COLUMNS + c + 1}`).join(', ')})`).join(', ');
    await this.db.write(
      'audit', `INSERT INTO audit_records (school_id, id, at, actor, action, student_id, doc) VALUES ${tuples}`,
      values, rows === 1 ? { audit_records_pkey: (v) => `Audit record ${String(v[1])} exists` } : undefined,
    );
  }

  async query(q: AuditQuery): Promise<AuditRecord[]> {
    this.db.assertOpen();
    const { where, values } = matching(this.db.schoolId, q);
    let page = '';
    if (q.limit !== undefined) {
      if (!Number.isInteger(q.limit) || q.limit < 1) {
        throw new StoreError('INVALID', `limit must be a positive integer, not ${q.limit}`);
      }
      values.push(q.limit);
      page += ` LIMIT $${values.length}`;
    }
    if (q.offset !== undefined) {
      if (!Number.isInteger(q.offset) || q.offset < 0) {
        throw new StoreError('INVALID', `offset must be a non-negative integer, not ${q.offset}`);
      }
      values.push(q.offset);
      page += ` OFFSET $${values.length}`;
    }
    const { rows } = await this.db.query<{ doc: AuditRecord }>(
      `SELECT doc FROM audit_records WHERE ${where} ORDER BY at DESC, seq DESC${page}`, values,
    );
    return rows.map((r) => r.doc);
  }

  async count(q: AuditQuery): Promise<number> {
    this.db.assertOpen();
    const { where, values } = matching(this.db.schoolId, q);
    const { rows } = await this.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_records WHERE ${where}`, values);
    return Number(rows[0]?.n ?? 0);
  }

  async purgeOlderThan(before: Date): Promise<number> {
    const { rowCount } = await this.db.write(
      'audit', 'DELETE FROM audit_records WHERE school_id = $1 AND at < $2', [this.db.schoolId, before.toISOString()],
    );
    return rowCount ?? 0;
  }
}

/** The WHERE clause of a query, the same filters as the memory table (tables/audit-table.ts). */
function matching(schoolId: string, q: AuditQuery): { where: string; values: unknown[] } {
  const values: unknown[] = [schoolId];
  const where = ['school_id = $1'];
  const add = (sql: string, value: unknown) => {
    values.push(value);
    where.push(sql.replaceAll('?', `$${values.length}`));
  };
  if (q.from !== undefined) add('at >= ?', iso(parseTime(q.from, 'from')));
  if (q.to !== undefined) add('at < ?', iso(parseTime(q.to, 'to')));
  if (q.actor !== undefined) add('actor = ?', q.actor);
  if (q.actorKind !== undefined) add("doc->>'actorKind' = ?", q.actorKind);
  if (q.studentId !== undefined) add('student_id = ?', q.studentId);
  if (q.action !== undefined) add('action = ?', q.action);
  if (q.section !== undefined) add("doc->>'section' = ?", q.section);
  if (q.account !== undefined) add("(actor = ? OR doc->'detail'->>'account' = ?)", q.account);
  if (q.kind === 'view') where.push("action = 'view'");
  if (q.kind === 'denial') where.push("(action LIKE '%.refused' OR action LIKE '%.denied')");
  if (q.kind === 'staff') where.push("doc->>'actorKind' = 'operator' AND action <> 'view'");
  return { where: where.join(' AND '), values };
}
