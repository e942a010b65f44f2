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
  WHERE school_id = $1 AND collection = $2 AND status IN ('pending', 'delivering')
    AND CASE WHEN status = 'pending' THEN next_attempt_at <= $3 ELSE lease_until IS NULL OR lease_until <= $3 END
  ORDER BY next_attempt_at, seq
  LIMIT $4
  FOR UPDATE SKIP LOCKED`;

const COLUMNS = 'status, next_attempt_at, claimed_by, lease_until';

/** An ISO instant, or null for what is not one. */
function instant(value: unknown): string | null {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * The fields claims look at, copied out of the document for their columns (004-claimable-documents.sql):
 * status, nextAttemptAt, claimedBy, leaseUntil.
 */
function claimFields(doc: unknown): [string | null, string | null, string | null, string | null] {
  const d = (doc ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return [text(d.status), instant(d.nextAttemptAt), text(d.claimedBy), instant(d.leaseUntil)];
}

/** One named collection; a replacing put keeps the document's place (seq of its first put). */
export class PgDocuments<T extends { id: string }> implements DocumentRepo<T> {
  constructor(private readonly db: Db, private readonly name: string) {}

  async put(doc: T): Promise<void> {
    this.db.assertOpen();
    const id = requireId((doc as { id?: unknown } | undefined)?.id, 'id');
    await this.db.write(
      this.name, `INSERT INTO documents (school_id, collection, id, doc, ${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (school_id, collection, id) DO UPDATE SET doc = excluded.doc, status = excluded.status,
         next_attempt_at = excluded.next_attempt_at, claimed_by = excluded.claimed_by, lease_until = excluded.lease_until`,
      [this.db.schoolId, this.name, id, toJson(doc), ...claimFields(doc)],
    );
  }

  async create(doc: T): Promise<boolean> {
    this.db.assertOpen();
    const id = requireId((doc as { id?: unknown } | undefined)?.id, 'id');
    const { rowCount } = await this.db.write(
      this.name, `INSERT INTO documents (school_id, collection, id, doc, ${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (school_id, collection, id) DO NOTHING`,
      [this.db.schoolId, this.name, id, toJson(doc), ...claimFields(doc)],
    );
    return rowCount === 1;
  }

  async claim(request: ClaimRequest): Promise<T[]> {
    this.db.assertOpen();
    assertClaimRequest(request);
    return this.db.writeTransaction(this.name, async (q) => {
      const { rows } = await q.query<{ id: string; doc: T }>(
        SELECT_DUE, [this.db.schoolId, this.name, request.now.toISOString(), request.limit],
      );
      if (rows.length === 0) return [];
      const taken = rows.map((r) => JSON.parse(toJson(claimed(r.doc, request))) as T);
      const leaseUntil = new Date(request.now.getTime() + request.leaseMs).toISOString();
      await q.query(
        `UPDATE documents d SET doc = v.doc::json, status = 'delivering', claimed_by = $5, lease_until = $6
         FROM unnest($3::text[], $4::text[]) AS v(id, doc)
         WHERE d.school_id = $1 AND d.collection = $2 AND d.id = v.id`,
        [this.db.schoolId, this.name, rows.map((r) => r.id), taken.map((doc) => toJson(doc)), request.owner, leaseUntil],
      );
      return taken;
    });
  }

  async putClaimed(doc: T, owner: string, now: Date): Promise<boolean> {
    this.db.assertOpen();
    const id = requireId((doc as { id?: unknown } | undefined)?.id, 'id');
    // A claim under way on the row makes this wait for it, then look at the row it left (READ COMMITTED).
    const { rowCount } = await this.db.write(
      this.name, `UPDATE documents SET doc = $4, status = $7, next_attempt_at = $8, claimed_by = $9, lease_until = $10
       WHERE school_id = $1 AND collection = $2 AND id = $3 AND status = 'delivering'
         AND claimed_by = $5 AND lease_until > $6`,
      [this.db.schoolId, this.name, id, toJson(doc), owner, now.toISOString(), ...claimFields(doc)],
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
    await this.db.write(
      this.name, 'DELETE FROM documents WHERE school_id = $1 AND collection = $2 AND id = $3', [this.db.schoolId, this.name, id],
    );
  }
}
