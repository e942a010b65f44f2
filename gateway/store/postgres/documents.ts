import { requireId } from '../tables/table-hooks.ts';
import type { DocumentRepo } from '../types.ts';
import { toJson } from './db.ts';
import type { Db } from './db.ts';

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
