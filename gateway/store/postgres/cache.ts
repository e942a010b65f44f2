import { parseTime, requireId } from '../tables/table-hooks.ts';
import type { CacheEntry, CacheRepo } from '../types.ts';
import { toJson } from './db.ts';
import type { Db } from './db.ts';
import { PeekMemo } from './peek-memo.ts';
import type { PeekMemoOptions } from './peek-memo.ts';

/**
 * The record cache in PostgreSQL. get() parses the row anew each time; peek() answers from a short
 * per-instance memo (peek-memo.ts), so the pages' memos keyed by object identity hit here too.
 * Every write of this instance drops what it touched from the memo once it has run, whatever its
 * outcome (a failed write may still have committed before the connection broke).
 */
export class PgCache implements CacheRepo {
  readonly #memo: PeekMemo;

  constructor(private readonly db: Db, memo: PeekMemoOptions = {}) {
    this.#memo = new PeekMemo(memo);
  }

  async get<T = unknown>(key: string): Promise<CacheEntry<T> | undefined> {
    const { rows } = await this.db.query<{ doc: CacheEntry<T> }>(
      'SELECT doc FROM cache_entries WHERE school_id = $1 AND key = $2', [this.db.schoolId, key],
    );
    return rows[0]?.doc;
  }

  async peek<T = unknown>(key: string): Promise<CacheEntry<T> | undefined> {
    this.db.assertOpen();
    const held = this.#memo.get(key);
    if (held) return held as CacheEntry<T>;
    const epoch = this.#memo.epoch;
    const entry = await this.get<T>(key);
    // Absent keys are not memoised: the record another instance fetches shows at once.
    return entry && (this.#memo.remember(key, entry, epoch) as CacheEntry<T>);
  }

  async set<T = unknown>(entry: CacheEntry<T>): Promise<void> {
    this.db.assertOpen();
    requireId(entry.key, 'key');
    const storedMs = parseTime(entry.storedAt, 'storedAt');
    await this.#writing(() => this.db.write(
      'cache', `INSERT INTO cache_entries (school_id, key, kind, student_id, guardian_id, stored_at, doc) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (school_id, key) DO UPDATE
       SET kind = excluded.kind, student_id = excluded.student_id, guardian_id = excluded.guardian_id,
           stored_at = excluded.stored_at, doc = excluded.doc`,
      [this.db.schoolId, entry.key, String(entry.kind), entry.studentId ?? null, entry.guardianId ?? null,
        new Date(storedMs).toISOString(), toJson(entry)],
    ), entry.key);
  }

  async delete(key: string): Promise<void> {
    await this.#writing(() => this.db.write('cache', 'DELETE FROM cache_entries WHERE school_id = $1 AND key = $2', [this.db.schoolId, key]), key);
  }

  async deleteByStudent(studentId: string): Promise<number> {
    const { rowCount } = await this.#writing(() => this.db.write(
      'cache', 'DELETE FROM cache_entries WHERE school_id = $1 AND student_id = $2', [this.db.schoolId, studentId],
    ));
    return rowCount ?? 0;
  }

  async deleteByGuardian(guardianId: string): Promise<number> {
    const { rowCount } = await this.#writing(() => this.db.write(
      'cache', 'DELETE FROM cache_entries WHERE school_id = $1 AND guardian_id = $2', [this.db.schoolId, guardianId],
    ));
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
    const { rowCount } = await this.#writing(() => this.db.write(
      'cache', 'DELETE FROM cache_entries WHERE school_id = $1 AND stored_at < $2', [this.db.schoolId, before.toISOString()],
    ));
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

  /**
   * Runs a write, then drops from the memo the key it wrote (or everything, for the deletes by
   * owner and the purge). Dropping after, not before: a peek that read the old row while the write
   * ran is not remembered either (the memo's epoch).
   */
  async #writing<R>(write: () => Promise<R>, key?: string): Promise<R> {
    try {
      return await write();
    } finally {
      if (key === undefined) this.#memo.forgetAll();
      else this.#memo.forget(key);
    }
  }
}
