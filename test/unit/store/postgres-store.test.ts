/** What the PostgreSQL store adds beyond the conformance suite: migrations, school ids, failures. */
import { expect } from 'chai';
import { createPostgresStore } from '../../../gateway/store/postgres/index.ts';
import pg from 'pg';
import { loadMigrations, migrate } from '../../../gateway/store/postgres/migrate.ts';
import type { AuditRecord } from '../../../gateway/store/types.ts';
import { createTestDatabase } from '../../support/postgres.ts';
import type { TestDatabase } from '../../support/postgres.ts';
import { account } from '../../support/store-suite/fixtures.ts';
import { watchAuditInserts } from '../../support/audit-inserts.ts';

describe('PostgreSQL store: migrations, school ids, failures', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase('pgstore');
  });
  afterEach(async () => {
    await db.drop();
  });

  it('migrates a fresh database once when several instances open it together', async () => {
    const stores = Array.from({ length: 4 }, () => createPostgresStore({ url: db.url, poolSize: 2 }));
    await Promise.all(stores.map((s) => s.open()));
    const versions = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((v) => v.version)).to.deep.equal(loadMigrations().map((m) => m.version));
    await stores[0]!.accounts.create(account({ id: 'a1' }));
    expect((await stores[3]!.accounts.get('a1'))?.id).to.equal('a1');
    await Promise.all(stores.map((s) => s.close()));
  });

  it('commits audit appends that arrive during an INSERT together, each answered on its own', async () => {
    const store = createPostgresStore({ url: db.url });
    await store.open();
    const record = (id: string): AuditRecord => ({
      id, at: '2027-03-01T09:00:00.000Z', actor: 'acc-1', actorKind: 'parent', action: 'view', studentId: 's-1', section: 'absences',
    });
    const watch = watchAuditInserts();
    const inserts = watch.rows;
    try {
      // 40 page views at once: issued together, they go in one statement (at most a few).
      await Promise.all(Array.from({ length: 40 }, (_, i) => store.audit.append(record(`r${i}`))));
      expect(inserts.reduce((a, b) => a + b, 0)).to.equal(40);
      expect(inserts.length).to.be.at.most(3);
      // A duplicate in a batch fails only its own append; the others are stored.
      inserts.length = 0;
      const outcomes = await Promise.allSettled(['d1', 'r5', 'd2', 'd3'].map((id) => store.audit.append(record(id))));
      expect(outcomes.map((o) => o.status)).to.deep.equal(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).to.have.property('code', 'DUPLICATE');
    } finally {
      watch.restore();
    }
    const stored = await store.audit.query({});
    expect(stored).to.have.length(43);
    // Same moment: last appended first, in the order the appends were made.
    expect(stored.slice(0, 3).map((r) => r.id)).to.deep.equal(['d3', 'd2', 'd1']);
    expect(stored.slice(3).map((r) => r.id)).to.deep.equal(Array.from({ length: 40 }, (_, i) => `r${39 - i}`));
    await store.close();
  });

  it('commits two audit appends issued together (one page\'s sections) in one INSERT, each awaited until committed', async () => {
    const store = createPostgresStore({ url: db.url });
    await store.open();
    const record = (id: string, section: string): AuditRecord => ({
      id, at: '2027-03-01T09:00:00.000Z', actor: 'acc-1', actorKind: 'parent', action: 'view', studentId: 's-1', section,
    });
    const watch = watchAuditInserts();
    const inserts = watch.rows;
    try {
      await Promise.all([store.audit.append(record('m', 'results.method')), store.audit.append(record('l', 'results.lvs'))]);
    } finally {
      watch.restore();
    }
    expect(inserts, 'one statement of two rows').to.deep.equal([2]);
    // Both are committed once the appends resolve: another connection sees them, in one transaction.
    const rows = await db.query<{ id: string; tx: string }>('SELECT id, xmin::text AS tx FROM audit_records ORDER BY seq');
    expect(rows.map((r) => r.id)).to.deep.equal(['m', 'l']);
    expect(new Set(rows.map((r) => r.tx)).size, 'one commit').to.equal(1);
    await store.close();
  });

  it('makes the outbox items of a database from before claims claimable (004), a document with a NUL included', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await migrate(client, loadMigrations().filter((m) => m.version < 4));
      await client.query(`INSERT INTO documents (school_id, collection, id, doc) VALUES
        ('default', 'outbox', 'a', '{"id":"a","status":"pending","nextAttemptAt":"2027-01-01T00:00:00.000Z"}'),
        ('default', 'outbox', 'nul', '{"id":"nul","status":"pending","nextAttemptAt":"2027-01-01T00:00:00.000Z","t":"x\\u0000"}'),
        ('default', 'other', 'list', '[1, 2]')`);
    } finally {
      await client.end();
    }
    const store = createPostgresStore({ url: db.url });
    await store.open();
    const claimed = await store.collection<{ id: string; status: string; nextAttemptAt: string }>('outbox')
      .claim({ owner: 'w', now: new Date('2027-01-02T00:00:00Z'), leaseMs: 60_000, limit: 5 });
    expect(claimed.map((d) => d.id)).to.deep.equal(['a', 'nul']);
    expect(await store.collection('outbox').get('nul')).to.include({ t: 'x\u0000', status: 'delivering' });
    expect(await store.collection('other').get('list')).to.deep.equal([1, 2]);
    await store.close();
  });

  it('refuses a database whose schema is newer than this gateway', async () => {
    const first = createPostgresStore({ url: db.url });
    await first.open();
    await first.close();
    await db.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from-the-future')");
    let failure: unknown;
    await createPostgresStore({ url: db.url }).open().catch((err: unknown) => (failure = err));
    expect(failure).to.have.property('code', 'INVALID');
    expect(String((failure as Error).message)).to.include('version 999');
  });

  it('keeps the rows of one school apart from another in the same database', async () => {
    const a = createPostgresStore({ url: db.url, schoolId: 'school-a' });
    const b = createPostgresStore({ url: db.url, schoolId: 'school-b' });
    await a.open();
    await b.open();
    await a.accounts.create(account({ id: 'x', username: 'jan', guardianId: 'g-1' }));
    // The same id, username and guardian in another school is no duplicate.
    await b.accounts.create(account({ id: 'x', username: 'jan', guardianId: 'g-1', email: 'b@example.nl' }));
    await a.collection('outbox').put({ id: 'm1' });
    expect((await a.accounts.get('x'))?.email).to.equal(undefined);
    expect((await b.accounts.get('x'))?.email).to.equal('b@example.nl');
    expect(await b.collection('outbox').list()).to.deep.equal([]);
    await a.close();
    await b.close();
  });

  it('stores exactly what JSON holds, including a NUL character and key order', async () => {
    const store = createPostgresStore({ url: db.url });
    await store.open();
    const doc = { id: 'd1', z: 1, a: 'nul\u0000here', nested: { b: [1.5, null, 'é'] } };
    await store.collection('changeRequests').put(doc);
    const back = await store.collection('changeRequests').get('d1');
    expect(JSON.stringify(back)).to.equal(JSON.stringify(doc));
    await store.close();
  });

  it('fails open when the server cannot be reached, naming no password', async () => {
    const store = createPostgresStore({ url: 'postgres://postgres:secret-pw@127.0.0.1:1/none' });
    expect(store.where).to.equal('127.0.0.1:1/none');
    let failure: unknown;
    await store.open().catch((err: unknown) => (failure = err));
    expect(failure).to.be.instanceOf(Error);
    expect(String((failure as Error).message)).to.not.include('secret-pw');
    let closed: unknown;
    await store.accounts.list().catch((err: unknown) => (closed = err));
    expect(closed).to.have.property('code', 'CLOSED');
  });
});
