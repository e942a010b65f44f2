import { createPostgresStore } from '../../gateway/store/postgres/index.ts';
import { runStoreSuite } from '../support/store-suite.ts';
import { createTestDatabase } from '../support/postgres.ts';
import type { TestDatabase } from '../support/postgres.ts';

describe('PostgreSQL store (its own database for this run)', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase('suite');
  });
  after(async () => {
    await db?.drop();
  });

  async function openStore() {
    const store = createPostgresStore({ url: db.url, poolSize: 4 });
    await store.open();
    return store;
  }

  runStoreSuite({ describe, it, beforeEach, afterEach }, {
    name: 'postgres',
    make: async () => {
      const store = await openStore();
      await db.empty();
      return store;
    },
    reopen: async () => openStore(),
  });
});
