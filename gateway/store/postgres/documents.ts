import { assertClaimRequest, claimed } from '../tables/claims.ts';
import { requireId } from '../tables/table-hooks.ts';
import type { ClaimRequest, DocumentRepo } from '../types.ts';
import { toJson } from './db.ts';
import type { Db } from './db.ts';

/**
 * Due documents (tables/claims.ts isClaimable, in SQL), earliest first, locked for this transaction;
 * rows another claim has locked are skipped, not waited for, so claims at once never overlap.
 * $1 school, $2 collection, $3 now, $4 limit.
 */
const SELECT_DUE = `SELECT id, doc FROM documents
  WHERE school_id = $1 AND collection = $2 AND doc->>'status' IN ('pending', 'delivering')
    AND CASE WHEN doc->>'status' = 'pending' THEN (doc->>'nextAttemptAt')::timestamptz <= $3
             ELSE (doc->>'leaseUntil') IS NULL OR (doc->>'leaseUntil')::timestamptz <= $3 END
  ORDER BY (doc->>'nextAttemptAt')::timestamptz, seq
  LIMIT $4
  FOR UPDATE SKIP LOCKED`;

/** One named collection; a replacing put keeps the document's place (seq of its first put). */
export class PgDocuments<T extends { id: string }> implements DocumentRepo<T> {
  constructor(private readonly db: Db, private readonly name: string) {}

  async put(doc: T): Promise<void> {
    this.db.assertOpen();
    const id = requireId((doc as { id?: unknown } | undefined)?.id, 'id');
    await this.db.query(
      `INSERT INTO documents (school_id, collection, id, doc) VALUES ($1, $2, $3, $4)
       ON CONFLICT (school_id, collection, id) DO UPDATE SET doc = excluded.doc`,
      [this.db.schoolId, this.name, id, toJson(doc)],
    );
  }

  async create(doc: T): Promise<boolean> {
    this.db.assertOpen();
    const id = requireId((doc as { id?: unknown } | undefined)?.id, 'id');
    const { rowCount } = await this.db.query(
      `INSERT INTO documents (school_id, collection, id, doc) VALUES ($1, $2, $3, $4)
       ON CONFLICT (school_id, collection, id) DO NOTHING`,
      [this.db.schoolId, this.name, id, toJson(doc)],
    );
    return rowCount === 1;
  }

  async claim(request: ClaimRequest): Promise<T[]> {
    this.db.assertOpen();
    assertClaimRequest(request);
    return this.db.transaction(async (q) => {
      const { rows } = await q.query<{ id: string; doc: T }>(
        SELECT_DUE, [this.db.schoolId, this.name, request.now.toISOString(), request.limit],
      );
      if (rows.length === 0) return [];
      const taken = rows.map((r) => JSON.parse(toJson(claimed(r.doc, request))) as T);
      await q.query(
        `UPDATE documents d SET doc = v.doc::json FROM unnest($3::text[], $4::text[]) AS v(id, doc)
         WHERE d.school_id = $1 AND d.collection = $2 AND d.id = v.id`,
        [this.db.schoolId, this.name, rows.map((r) => r.id), taken.map((doc) => toJson(doc))],
      );
      return taken;
    });
  }

  async putClaimed(doc: T, owner: string, now: Date): Promise<boolean> {
    this.db.assertOpen();
    const id = requireId((doc as { id?: unknown } | undefined)?.id, 'id');
    // A claim under way on the row makes this wait for it, then look at the row it left (READ COMMITTED).
    const { rowCount } = await this.db.query(
      `UPDATE documents SET doc = $4
       WHERE school_id = $1 AND collection = $2 AND id = $3 AND doc->>'status' = 'delivering'
         AND doc->>'claimedBy' = $5 AND (doc->>'leaseUntil')::timestamptz > $6`,
      [this.db.schoolId, this.name, id, toJson(doc), owner, now.toISOString()],
    );
    return rowCount === 1;
  }

  async get(id: string): Promise<T | undefined> {
    const { rows } = await this.db.query<{ doc: T }>(
      'SELECT doc FROM documents WHERE school_id = $1 AND collection = $2 AND id = $3', [this.db.schoolId, this.name, id],
    );
    return rows[0]?.doc;
  }

  async list(filter?: (doc: T) => boolean): Promise<T[]> {
    const { rows } = await this.db.query<{ doc: T }>(
      'SELECT doc FROM documents WHERE school_id = $1 AND collection = $2 ORDER BY seq', [this.db.schoolId, this.name],
    );
    const docs = rows.map((r) => r.doc);
    return filter ? docs.filter((doc) => filter(doc)) : docs;
  }

  async delete(id: string): Promise<void> {
    await this.db.query(
      'DELETE FROM documents WHERE school_id = $1 AND collection = $2 AND id = $3', [this.db.schoolId, this.name, id],
    );
  }
}
