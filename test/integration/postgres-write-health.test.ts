/**
 * A PostgreSQL write that the database refuses shows on /beheer/status with its kind and reason,
 * as a lowdb file that cannot be written does: the gateway on a role that may read the cache
 * table but not write it (REVOKE). The instance stays ready (every instance shares the database);
 * once the write is allowed again the next good write ends the failure and the page says so.
 */
import { expect } from 'chai';
import pg from 'pg';
import request from 'supertest';
import { createPostgresStore, type PostgresStore } from '../../gateway/store/postgres/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { operatorLogin } from '../support/operator.ts';
import { POSTGRES_ADMIN_URL, createTestDatabase, type TestDatabase } from '../support/postgres.ts';

const entry = { key: 'student:1', kind: 'student', studentId: '1', value: { groep: 5 }, storedAt: '2026-12-01T08:00:00.000Z' };

describe('PostgreSQL write failures on the status page', function () {
  this.timeout(30_000);
  const role = `ouderpoort_writer_${process.pid}`;
  let db: TestDatabase;
  let store: PostgresStore;
  let t: TestApp;

  before(async () => {
    db = await createTestDatabase('writehealth');
    const admin = createPostgresStore({ url: db.url, poolSize: 1 });
    await admin.open();
    await admin.close();
    await db.query(`CREATE ROLE ${role} LOGIN`);
    await db.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${role}`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await db.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await db.query(`REVOKE INSERT, UPDATE ON cache_entries FROM ${role}`);
    const url = new URL(db.url);
    url.username = role;
    store = createPostgresStore({ url: url.toString(), poolSize: 2 });
    t = await createTestApp({ overrides: { store } });
  });

  after(async () => {
    await store?.close();
    await db?.drop();
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await client.connect();
    await client.query(`DROP ROLE IF EXISTS ${role}`).finally(() => client.end());
  });

  it('names the kind and the reason while its writes are refused, stays ready, and clears after a good write', async () => {
    let refused: unknown;
    await store.cache.set(entry).catch((err: unknown) => { refused = err; });
    expect((refused as { code?: string } | undefined)?.code, 'permission denied').to.equal('42501');

    const cache = store.health().kinds.find((k) => k.kind === 'cache');
    expect(cache).to.deep.include({ failing: true });
    expect(cache?.lastError?.reason).to.equal('EACCES');
    expect(store.health().kinds.find((k) => k.kind === 'accounts')).to.deep.include({ failing: false });

    const ready = await request(t.app).get('/readyz');
    expect(ready.status, 'the database is shared: taking this instance out helps nobody').to.equal(200);
    expect(ready.body.store.kinds).to.deep.include.members([{ ...cache }]);

    const { agent } = await operatorLogin(t);
    const failing = await agent.get('/beheer/status');
    expect(failing.text).to.include('cache kan niet worden weggeschreven (geen schrijfrechten)');
    expect(failing.text).to.not.include('Alle opslag wordt weggeschreven.');
    expect(failing.text).to.not.include(role);

    await db.query(`GRANT INSERT, UPDATE ON cache_entries TO ${role}`);
    await store.cache.set(entry);
    const healed = store.health().kinds.find((k) => k.kind === 'cache');
    expect(healed).to.deep.include({ failing: false });
    expect(healed?.lastError, 'kept, as lowdb keeps it').to.deep.equal(cache?.lastError);
    expect(healed?.lastWriteAt).to.be.a('string');

    const recovered = await agent.get('/beheer/status');
    expect(recovered.text).to.include('cache kon eerder niet worden weggeschreven (geen schrijfrechten');
    expect(recovered.text).to.include('Alle opslag wordt weggeschreven.');
    expect(recovered.text).to.not.include('cache kan niet worden weggeschreven');
  });
});
