/**
 * The mocha set-up of the tests where two gateway instances share one PostgreSQL database: one
 * database for the suite (test/support/postgres.ts), and for each test two stores on it, each with
 * its own pool as separate instances have, opened (which runs the migrations) on a database emptied
 * of the test before's rows, and closed after. Call at the top of a describe():
 *
 *   const pair = usePostgresPair('claims', { poolSize: 4 });
 *   it('…', async () => { const [a, b] = pair.stores; … pair.db.query(…) … });
 *
 * instances() builds a whole gateway's service graph on each store (createTestApp: the demo config
 * over the mock SIS, each with its own clock at `now`), as two processes behind a balancer do;
 * their mail transports are closed after the test. `store` adds options to both stores (say, a
 * clock for the cache's peek memo).
 */
import { createPostgresStore, type PostgresStore, type PostgresStoreOptions } from '../../gateway/store/postgres/index.ts';
import { createTestApp, type TestApp } from './app.ts';
import { createTestDatabase, type TestDatabase } from './postgres.ts';

export interface PostgresPair {
  readonly db: TestDatabase;
  readonly stores: readonly [PostgresStore, PostgresStore];
  /** Two gateway instances, one on each store; the second finds the accounts the first provisioned. */
  instances(options: { now: string; values?: Record<string, unknown> }): Promise<[TestApp, TestApp]>;
}

export function usePostgresPair(
  label: string, options: { poolSize: number; store?: Omit<PostgresStoreOptions, 'url' | 'poolSize'> },
): PostgresPair {
  let db: TestDatabase | undefined;
  let stores: [PostgresStore, PostgresStore] | undefined;
  let apps: TestApp[] = [];
  before(async () => {
    db = await createTestDatabase(label);
  });
  beforeEach(async () => {
    const make = () => createPostgresStore({ ...options.store, url: db!.url, poolSize: options.poolSize });
    stores = [make(), make()];
    for (const store of stores) await store.open();
    await db!.empty();
  });
  afterEach(async () => {
    for (const app of apps) await app.services.mailer.close?.();
    apps = [];
    for (const store of stores ?? []) await store.close();
  });
  after(async () => {
    await db?.drop();
  });
  return {
    get db() { return present(db, 'database'); },
    get stores() { return present(stores, 'stores'); },
    async instances(app) {
      const [a, b] = present(stores, 'stores');
      // One after the other: each provisions the accounts, and the second must find the first's.
      const first = await createTestApp({ ...app, overrides: { store: a } });
      apps.push(first);
      const second = await createTestApp({ ...app, overrides: { store: b } });
      apps.push(second);
      return [first, second];
    },
  };
}

function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`usePostgresPair: no ${what} (used outside a test?)`);
  return value;
}
