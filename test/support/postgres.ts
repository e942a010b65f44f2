/**
 * Real PostgreSQL for tests: the server on 127.0.0.1:5432 (.ci/run starts it), one database per
 * test run, created here and dropped at the end, so runs never see each other's rows.
 * OUDERPOORT_TEST_POSTGRES_URL points elsewhere (a database the tests may create databases from).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const POSTGRES_ADMIN_URL = process.env.OUDERPOORT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  name: string;
  url: string;
  /** Empties every table but the migrations' version table (the schema stays). */
  empty(): Promise<void>;
  /** Runs one statement as the admin (to look behind the store's back). */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

async function asAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `ouderpoort_test_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await asAdmin(POSTGRES_ADMIN_URL, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const query = async <R extends pg.QueryResultRow>(text: string, values?: unknown[]) =>
    asAdmin(url.toString(), async (c) => (await c.query<R>(text, values)).rows);
  return {
    name,
    url: url.toString(),
    query,
    async empty() {
      const tables = await query<{ tablename: string }>(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'",
      );
      if (tables.length > 0) await query(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')}`);
    },
    async drop() {
      await asAdmin(POSTGRES_ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
