import { expect } from 'chai';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLowdbStore } from '../../../gateway/store/lowdb/index.ts';
import type { LowdbStore } from '../../../gateway/store/lowdb/index.ts';
import { isStoreError } from '../../../gateway/store/types.ts';
import type { Account } from '../../../gateway/store/types.ts';
import { tempDirs } from './helpers.ts';

const account = (id: string, username = `user-${id}`): Account => ({
  id, guardianId: `g-${id}`, username, mustChangePassword: true, status: 'active', scope: 'full',
  createdAt: '2025-08-01T08:00:00.000Z', updatedAt: '2025-08-01T08:00:00.000Z',
});

const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

async function openError(store: LowdbStore): Promise<unknown> {
  return store.open().then(() => undefined, (err: unknown) => err);
}

describe('lowdb store files', () => {
  const dirs = tempDirs();
  const opened: LowdbStore[] = [];
  const open = async (dir: string, flushDelayMs = 1): Promise<LowdbStore> => {
    const store = createLowdbStore({ dir, flushDelayMs });
    await store.open();
    opened.push(store);
    return store;
  };

  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await dirs.cleanup();
  });

  it('creates the directory 0700 and writes every kind file 0600, in its own file', async () => {
    const dir = await dirs.make();
    const store = await open(dir);
    await store.accounts.create(account('a1'));
    await store.sessions.set({ sid: 's1', data: {}, expiresAt: '2025-09-01T12:00:00.000Z' });
    await store.cache.set({ key: 'k', kind: 'student', value: 1, storedAt: '2025-09-01T08:00:00.000Z' });
    await store.audit.append({ id: 'r1', at: '2025-09-01T08:00:00.000Z', actor: 'a1', actorKind: 'parent', action: 'login' });
    await store.collection('outbox').put({ id: 'm1' });
    await store.flush();
    expect(await mode(dir)).to.equal(0o700);
    for (const kind of ['accounts', 'sessions', 'cache', 'audit', 'outbox']) {
      expect(await mode(join(dir, `${kind}.json`)), kind).to.equal(0o600);
    }
    expect(JSON.parse(await readFile(join(dir, 'cache.json'), 'utf8')).records).to.have.length(1);
    expect(await readFile(join(dir, 'cache.json'), 'utf8')).to.not.include('a1');
  });

  it('narrows an existing directory and files to 0700 and 0600', async () => {
    const dir = await dirs.make();
    await mkdir(dir, { mode: 0o755 });
    await chmod(dir, 0o755);
    await writeFile(join(dir, 'accounts.json'), JSON.stringify({ kind: 'accounts', v: 1, records: [] }), { mode: 0o644 });
    const store = await open(dir);
    await store.accounts.create(account('a1'));
    await store.flush();
    expect(await mode(dir)).to.equal(0o700);
    expect(await mode(join(dir, 'accounts.json'))).to.equal(0o600);
  });

  it('writes compact JSON', async () => {
    const dir = await dirs.make();
    const store = await open(dir);
    await store.accounts.create(account('a1'));
    await store.flush();
    const text = await readFile(join(dir, 'accounts.json'), 'utf8');
    expect(text).to.equal(JSON.stringify(JSON.parse(text)));
  });

  it('writes nothing before the coalescing window ends, everything on flush', async () => {
    const dir = await dirs.make();
    const store = await open(dir, 60_000);
    await store.accounts.create(account('a1'));
    expect(await readdir(dir)).to.not.include('accounts.json');
    await store.flush();
    expect(JSON.parse(await readFile(join(dir, 'accounts.json'), 'utf8')).records[0].id).to.equal('a1');
  });

  it('flushes pending changes on close', async () => {
    const dir = await dirs.make();
    const store = createLowdbStore({ dir, flushDelayMs: 60_000 });
    await store.open();
    await store.collection('outbox').put({ id: 'm1' });
    await store.close();
    expect(JSON.parse(await readFile(join(dir, 'outbox.json'), 'utf8')).records).to.deep.equal([{ id: 'm1' }]);
  });

  it('removes temp files of interrupted writes on open and keeps the real file', async () => {
    const dir = await dirs.make();
    const first = await open(dir);
    await first.accounts.create(account('a1'));
    await first.close();
    await writeFile(join(dir, '.accounts.json.4242.0badc0de.tmp'), '{"kind":"accounts","v":1,"rec');
    const store = await open(dir);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).to.deep.equal([]);
    expect(await store.accounts.get('a1')).to.not.equal(undefined);
  });

  for (const [label, content] of [
    ['half-written JSON', '{"kind":"accounts","v":1,"records":[{"id":"a1"'],
    ['another kind', JSON.stringify({ kind: 'cache', v: 1, records: [] })],
    ['an unknown format version', JSON.stringify({ kind: 'accounts', v: 99, records: [] })],
    ['two accounts with one username', JSON.stringify({ kind: 'accounts', v: 1, records: [account('a1', 'jan'), account('a2', 'jan')] })],
  ] as const) {
    it(`refuses to open on ${label}, naming the file, and lets go of the lock`, async () => {
      const dir = await dirs.make();
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'accounts.json'), content);
      const err = await openError(createLowdbStore({ dir }));
      expect(isStoreError(err, 'CORRUPT'), String(err)).to.equal(true);
      expect((err as Error).message).to.include(join(dir, 'accounts.json'));
      expect(await readFile(join(dir, 'accounts.json'), 'utf8')).to.equal(content);
      await writeFile(join(dir, 'accounts.json'), JSON.stringify({ kind: 'accounts', v: 1, records: [] }));
      await open(dir);
    });
  }

  it('refuses to open on a corrupt collection file too', async () => {
    const dir = await dirs.make();
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'outbox.json'), 'not json');
    const err = await openError(createLowdbStore({ dir }));
    expect(isStoreError(err, 'CORRUPT')).to.equal(true);
    expect((err as Error).message).to.include('outbox.json');
  });
});
