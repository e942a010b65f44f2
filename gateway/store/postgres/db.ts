/**
 * What the PostgreSQL repositories share: the pool while the store is open, the school id every
 * key starts with, and the translation of PostgreSQL's errors into StoreErrors. Every statement
 * is counted while it runs, so flush() and close() can wait for the writes already under way.
 * Writes go through write() / writeTransaction(), which note their outcome per kind for health().
 */
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { StoreError } from '../types.ts';
import type { WriteHealth } from './write-health.ts';

export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

/** Unique-constraint names → what the caller is told. */
export type DuplicateMessages = Record<string, (values: unknown[]) => string>;

export class Db {
  #pool: Pool | undefined;
  readonly #running = new Set<Promise<unknown>>();

  constructor(readonly schoolId: string, private readonly describe: () => string, readonly writes: WriteHealth) {}

  attach(pool: Pool): void {
    this.#pool = pool;
  }

  /** Stops new statements (they reject with CLOSED) and hands back the pool to end. */
  detach(): Pool | undefined {
    const pool = this.#pool;
    this.#pool = undefined;
    return pool;
  }

  get isOpen(): boolean {
    return this.#pool !== undefined;
  }

  assertOpen(): Pool {
    if (!this.#pool) throw new StoreError('CLOSED', `The PostgreSQL store (${this.describe()}) is closed`);
    return this.#pool;
  }

  /** One statement on the pool. */
  query<R extends QueryResultRow = QueryResultRow>(
    text: string, values: unknown[] = [], duplicates?: DuplicateMessages,
  ): Promise<{ rows: R[]; rowCount: number | null }> {
    const pool = this.assertOpen();
    return this.#track(pool.query<R>(text, values).catch((err: unknown) => {
      throw translate(err, values, duplicates);
    }));
  }

  /** A statement that changes `kind` (accounts, cache, a collection's name, …): health() hears how it went. */
  write<R extends QueryResultRow = QueryResultRow>(
    kind: string, text: string, values: unknown[] = [], duplicates?: DuplicateMessages,
  ): Promise<{ rows: R[]; rowCount: number | null }> {
    return this.writes.record(kind, this.query<R>(text, values, duplicates));
  }

  /** A transaction that changes `kind`, noted for health() like write(). */
  writeTransaction<T>(kind: string, work: (q: Queryable) => Promise<T>, duplicates?: DuplicateMessages): Promise<T> {
    return this.writes.record(kind, this.transaction(work, duplicates));
  }

  /** Statements on one connection inside BEGIN … COMMIT; any error rolls back. */
  transaction<T>(work: (q: Queryable) => Promise<T>, duplicates?: DuplicateMessages): Promise<T> {
    const pool = this.assertOpen();
    return this.#track((async () => {
      const client: PoolClient = await pool.connect();
      let values: unknown[] = [];
      const q: Queryable = {
        query: (text, v = []) => {
          values = v;
          return client.query(text, v);
        },
      };
      try {
        await client.query('BEGIN');
        const result = await work(q);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw translate(err, values, duplicates);
      } finally {
        client.release();
      }
    })());
  }

  /** Resolves once every statement started so far has finished (whatever its outcome). */
  async settle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  /** Work of a repository's own (a batch of writes) that settle() and close() wait for too. */
  track<T>(promise: Promise<T>): Promise<T> {
    return this.#track(promise);
  }

  #track<T>(promise: Promise<T>): Promise<T> {
    this.#running.add(promise);
    const done = () => this.#running.delete(promise);
    promise.then(done, done);
    return promise;
  }
}

interface PgError { code?: string; constraint?: string }

function translate(err: unknown, values: unknown[], duplicates?: DuplicateMessages): unknown {
  const pg = err as PgError;
  if (pg?.code === '23505') {
    const message = (pg.constraint && duplicates?.[pg.constraint]?.(values)) ?? `Duplicate key (${pg.constraint ?? 'unknown'})`;
    return new StoreError('DUPLICATE', message, { cause: err });
  }
  return err;
}

/** The one JSON form records are stored in: what JSON can hold, undefined properties dropped. */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}
