/** A PostgreSQL database for one bench scenario, on the server the tests use, dropped afterwards. */
import pg from 'pg';
import { createTestDatabase, POSTGRES_ADMIN_URL } from '../../test/support/postgres.ts';

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function benchDatabase<T>(label: string, run: (url: string) => Promise<T>): Promise<T> {
  const database = await createTestDatabase(`bench_${label}`);
  try {
    return await run(database.url);
  } finally {
    await database.drop();
  }
}
