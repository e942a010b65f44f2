/**
 * bin/move-store.ts as an operator runs it: a stopped lowdb store into an empty PostgreSQL
 * database and back again, nothing lost (accounts, audit in order, every collection), verified per
 * kind; refused while a gateway holds the lowdb store, and into a target that is not empty.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLowdbStore, type LowdbStore } from '../../gateway/store/lowdb/index.ts';
import { createPostgresStore } from '../../gateway/store/postgres/index.ts';
import type { Store } from '../../gateway/store/types.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres.ts';
import { account, auditRecord, cacheEntry, session } from '../support/store-suite/fixtures.ts';
import { MINIMAL_SCHOOL_YAML, tempDir, type TempDir } from '../unit/config/temp-files.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function runMove(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bin/move-store.ts', ...args], {
    cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Doc { id: string; status: string; attempts?: number; fields?: unknown[] }

async function seed(store: Store): Promise<void> {
  await store.accounts.create(account({ id: 'a2', username: 'Jan', guardianId: 'g-2', email: 'jan@example.nl' }));
  await store.accounts.create(account({ id: 'a1', username: 'fatima', guardianId: 'g-1', studentIds: ['s1', 's2'] }));
  await store.audit.append(auditRecord({ id: 'r1', at: '2027-03-01T09:00:00.000Z', detail: { n: 1 } }));
  await store.audit.append(auditRecord({ id: 'r2', at: '2027-03-01T09:00:00.000Z', studentId: 's1' }));
  await store.audit.append(auditRecord({ id: 'r0', at: '2027-03-01T08:00:00.000Z', actor: 'op', actorKind: 'operator' }));
  await store.collection<Doc>('changeRequests').put({ id: 'c2', status: 'ingediend', fields: [{ new: 'Lindelaan 4' }] });
  await store.collection<Doc>('changeRequests').put({ id: 'c1', status: 'verwerkt' });
  await store.collection<Doc>('outbox').put({ id: 'm1', status: 'pending', attempts: 0 });
  await store.sessions.set(session({ sid: 's1', accountId: 'a1' }));
  await store.cache.set(cacheEntry({ key: 'student:s1' }));
}

async function contents(store: Store & { collectionNames(): Promise<string[]> }) {
  const collections: Record<string, unknown> = {};
  for (const name of (await store.collectionNames()).sort()) collections[name] = await store.collection(name).list();
  return { accounts: await store.accounts.list(), audit: await store.audit.query({}), collections };
}

describe('bin/move-store: lowdb → PostgreSQL → lowdb', function () {
  this.timeout(180_000);
  let tmp: TempDir;
  let db: TestDatabase;
  let held: LowdbStore | undefined;
  let config: string;
  let env: Record<string, string>;

  beforeEach(async () => {
    tmp = tempDir();
    db = await createTestDatabase('move');
    config = tmp.write('school.yaml', `${MINIMAL_SCHOOL_YAML}\nstore:\n  lowdb:\n    dir: ${join(tmp.dir, 'store')}\n`);
    env = { OUDERPOORT_DATABASE_URL: db.url };
  });
  afterEach(async () => {
    await held?.close();
    held = undefined;
    await db.drop();
    tmp.remove();
  });

  it('copies every account, the audit log and every collection, and back, verified per kind', async () => {
    const source = createLowdbStore({ dir: join(tmp.dir, 'store') });
    await source.open();
    await seed(source);
    const before = await contents(source);
    await source.close();

    const there = runMove(['--to', 'postgres', '--config', config], env);
    expect(there.code, there.stderr).to.equal(0);
    expect(there.stdout).to.match(/accounts\s+2\s+2/).and.match(/audit\s+3\s+3/)
      .and.match(/collection:changeRequests\s+2\s+2/).and.match(/collection:outbox\s+1\s+1/);
    expect(there.stdout).to.not.include(db.url);

    const pg = createPostgresStore({ url: db.url });
    await pg.open();
    expect(await contents(pg)).to.deep.equal(before);
    expect((await pg.accounts.findByUsername('JAN'))?.id).to.equal('a2');
    await pg.close();

    const backDir = join(tmp.dir, 'back');
    const back = runMove(['--to', 'lowdb', '--config', config, '--dir', backDir], env);
    expect(back.code, back.stderr).to.equal(0);
    const returned = createLowdbStore({ dir: backDir });
    await returned.open();
    expect(await contents(returned)).to.deep.equal(before);
    await returned.close();
  });

  it('refuses while a gateway holds the lowdb store, and into a target that is not empty', async () => {
    held = createLowdbStore({ dir: join(tmp.dir, 'store') });
    await held.open();
    await seed(held);
    await held.flush();
    const locked = runMove(['--to', 'postgres', '--config', config], env);
    expect(locked.code).to.equal(1);
    expect(locked.stderr).to.include('store.lock');
    await held.close();
    held = undefined;

    const pg = createPostgresStore({ url: db.url });
    await pg.open();
    await pg.accounts.create(account({ id: 'other' }));
    await pg.close();
    const notEmpty = runMove(['--to', 'postgres', '--config', config], env);
    expect(notEmpty.code).to.equal(1);
    expect(notEmpty.stderr).to.include('not empty').and.include('accounts: 1');
  });
});
