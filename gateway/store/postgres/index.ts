/**
 * The PostgreSQL store: for several gateway instances sharing one database (behind a load
 * balancer, or a hosting party's), where lowdb serves one process.
 *
 * Every write is durable when its promise resolves (PostgreSQL commits it); flush() only waits for
 * the statements already under way. Instances share everything: a session written by one is read
 * by the next request on another, a logout on one ends it everywhere. open() connects a pool
 * (node-postgres) and applies the schema migrations (./migrations, see migrate.ts) under an
 * advisory lock; there is no process lock, several instances are the point.
 *
 * Every key starts with a school id ('default' for now): a board running several schools on one
 * database is a likely next step, and the keys already leave room for it.
 */
import pg from 'pg';
import type { Pool } from 'pg';
import type { Clock } from '../../../adapters/contract/adapter.ts';
import { assertCollectionName } from '../tables/tables.ts';
import type { DocumentRepo, Store } from '../types.ts';
import type { StoreLogger } from '../lowdb/store-logger.ts';
import { PgAccounts } from './accounts.ts';
import { PgAudit } from './audit.ts';
import { PgCache } from './cache.ts';
import { Db } from './db.ts';
import { PgCounters } from './counters.ts';
import { PgDocuments } from './documents.ts';
import { migrate } from './migrate.ts';
import type { PeekMemoOptions } from './peek-memo.ts';
import { PgSessions } from './sessions.ts';
import { WriteHealth } from './write-health.ts';

/** Waiting longer for a connection or an answer helps nobody: the parent is gone by then. */
const CONNECT_TIMEOUT_MS = 5_000;
const QUERY_TIMEOUT_MS = 15_000;

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database, from OUDERPOORT_DATABASE_URL. */
  url: string;
  /** Connections in the pool; default 10. */
  poolSize?: number;
  /** The school whose rows this store reads and writes; default 'default'. */
  schoolId?: string;
  logger?: StoreLogger;
  /** Stamps health()'s times; defaults to the system clock. */
  clock?: Clock;
  /** The memo behind cache.peek() (peek-memo.ts): how long, how many, its clock; defaults 2 s, 4096. */
  peekMemo?: PeekMemoOptions;
}

export interface PostgresStore extends Store {
  readonly kind: 'postgres';
  readonly schoolId: string;
  /** The database's host, port and name (never the password), for logs and messages. */
  readonly where: string;
  /** The collections that hold documents, for moving a store (gateway/store/move.ts). */
  collectionNames(): Promise<string[]>;
  /** Login, reset and mail limits shared by every instance (gateway/auth/throttle-state.ts). */
  readonly counters: PgCounters;
}

/** host:port/database of a connection URL, without user or password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'an unparseable OUDERPOORT_DATABASE_URL';
  }
}

export function createPostgresStore(options: PostgresStoreOptions): PostgresStore {
  const schoolId = options.schoolId ?? 'default';
  const where = describeDatabaseUrl(options.url);
  const { logger } = options;
  const writes = new WriteHealth(options.clock ?? { now: () => new Date() });
  const db = new Db(schoolId, () => where, writes);
  const collections = new Map<string, PgDocuments<{ id: string }>>();
  let transitions: Promise<void> = Promise.resolve();

  async function doOpen(): Promise<void> {
    // A server that stops answering must fail requests, not hold them (and the pool) forever.
    const pool = new pg.Pool({
      connectionString: options.url, max: options.poolSize ?? 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, query_timeout: QUERY_TIMEOUT_MS,
    });
    // An idle connection that breaks (server restart) must not crash the process; the next query reconnects.
    pool.on('error', (err) => logger?.warn({ err, database: where }, 'PostgreSQL connection lost'));
    try {
      // Its own connection, without the query timeout: waiting for another instance's migration
      // (or running a long one) may take longer than a page request would be allowed.
      const client = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
      await client.connect();
      try {
        const applied = await migrate(client);
        if (applied.length > 0) logger?.warn({ database: where, applied }, 'store migrations applied');
      } finally {
        await client.end();
      }
    } catch (err) {
      await pool.end().catch(() => {});
      throw err;
    }
    db.attach(pool);
  }

  async function doClose(pool: Pool): Promise<void> {
    await db.settle();
    await pool.end();
  }

  /** Open and close never overlap: each waits for the other to finish. */
  function serialise(step: () => Promise<void>): Promise<void> {
    const next = transitions.then(step);
    transitions = next.catch(() => {});
    return next;
  }

  return {
    kind: 'postgres',
    // Nothing is held back in memory: a write is committed when it returns, or it rejects to its
    // caller, who then acknowledges nothing. A database that stops answering shows in /readyz's
    // probe; health() tells which kinds' writes failed, and why (write-health.ts).
    health: () => writes.report(),
    schoolId,
    where,
    accounts: new PgAccounts(db),
    sessions: new PgSessions(db),
    cache: new PgCache(db, options.peekMemo),
    audit: new PgAudit(db),
    counters: new PgCounters(db),
    collection<T extends { id: string }>(name: string): DocumentRepo<T> {
      assertCollectionName(name);
      let repo = collections.get(name);
      if (!repo) {
        repo = new PgDocuments(db, name);
        collections.set(name, repo);
      }
      return repo as unknown as DocumentRepo<T>;
    },
    async collectionNames() {
      const { rows } = await db.query<{ collection: string }>(
        'SELECT DISTINCT collection FROM documents WHERE school_id = $1 ORDER BY collection', [schoolId],
      );
      return rows.map((r) => r.collection);
    },
    open: () => serialise(async () => {
      if (!db.isOpen) await doOpen();
    }),
    flush: () => db.settle(),
    close: () => serialise(async () => {
      const pool = db.detach();
      if (pool) await doClose(pool);
    }),
  };
}
