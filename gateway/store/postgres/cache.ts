import { parseTime, requireId } from '../tables/table-hooks.ts';
import type { CacheEntry, CacheRepo } from '../types.ts';
import { toJson } from './db.ts';
import type { Db } from './db.ts';

/**
 * The record cache in PostgreSQL. No peek(): every row is parsed anew, so there is no shared
 * object to hand out and readers fall back to get() (CacheRepo.peek).
 */
export class PgCache implements CacheRepo {
  constructor(private readonly db: Db) {}

  async get<T = unknown>(key: string): Promise<CacheEntry<T> | undefined> {
    const { rows } = await this.db.query<{ doc: CacheEntry<T> }>(
      'SELECT doc FROM cache_entries WHERE school_id = $1 AND key = $2', [this.db.schoolId, key],
    );
    return rows[0]?.doc;
  }

  async set<T = unknown>(entry: CacheEntry<T>): Promise<void> {
    this.db.assertOpen();
    requireId(entry.key, 'key');
    const storedMs = parseTime(entry.storedAt, 'storedAt');
    await this.db.query(
      `INSERT INTO cache_entries (school_id, key, kind, student_id, guardian_id, stored_at, doc) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (school_id, key) DO UPDATE
       SET kind = excluded.kind, student_id = excluded.student_id, guardian_id = excluded.guardian_id,
           stored_at = excluded.stored_at, doc = excluded.doc`,
      [this.db.schoolId, entry.key, String(entry.kind), entry.studentId ?? null, entry.guardianId ?? null,
        new Date(storedMs).toISOString(), toJson(entry)],
    );
  }

  async delete(key: string): Promise<void> {
    await this.db.query('DELETE FROM cache_entries WHERE school_id = $1 AND key = $2', [this.db.schoolId, key]);
  }

  async deleteByStudent(studentId: string): Promise<number> {
    const { rowCount } = await this.db.query(
      'DELETE FROM cache_entries WHERE school_id = $1 AND student_id = $2', [this.db.schoolId, studentId],
    );
    return rowCount ?? 0;
  }

  async deleteByGuardian(guardianId: string): Promise<number> {
    const { rowCount } = await this.db.query(
      'DELETE FROM cache_entries WHERE school_id = $1 AND guardian_id = $2', [this.db.schoolId, guardianId],
    );
    return rowCount ?? 0;
  }

  async owners(): Promise<{ studentIds: string[]; guardianIds: string[] }> {
    const { rows } = await this.db.query<{ owner: string; ids: string[] }>(
      `SELECT 'student' AS owner, coalesce(array_agg(DISTINCT student_id), '{}') AS ids
         FROM cache_entries WHERE school_id = $1 AND student_id IS NOT NULL
       UNION ALL
       SELECT 'guardian', coalesce(array_agg(DISTINCT guardian_id), '{}')
         FROM cache_entries WHERE school_id = $1 AND guardian_id IS NOT NULL`,
      [this.db.schoolId],
    );
    // Sorted here, not by the database's collation, so every store answers in the same order.
    const ids = (owner: string) => [...(rows.find((r) => r.owner === owner)?.ids ?? [])].sort();
    return { studentIds: ids('student'), guardianIds: ids('guardian') };
  }

  async purgeOlderThan(before: Date): Promise<number> {
    const { rowCount } = await this.db.query(
      'DELETE FROM cache_entries WHERE school_id = $1 AND stored_at < $2', [this.db.schoolId, before.toISOString()],
    );
    return rowCount ?? 0;
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM cache_entries WHERE school_id = $1', [this.db.schoolId],
    );
    return rows[0]!.n;
  }

  async statsByKind(): Promise<Array<{ kind: string; count: number; oldest: string; newest: string }>> {
    this.db.assertOpen();
    const { rows } = await this.db.query<{ kind: string; n: string; oldest: Date; newest: Date }>(
      `SELECT kind, count(*) AS n, min(stored_at) AS oldest, max(stored_at) AS newest
       FROM cache_entries WHERE school_id = $1 GROUP BY kind ORDER BY kind`, [this.db.schoolId],
    );
    return rows.map((r) => ({ kind: r.kind, count: Number(r.n), oldest: new Date(r.oldest).toISOString(), newest: new Date(r.newest).toISOString() }));
  }
}
