import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLowdbStore, type LowdbStore } from '../../../gateway/store/lowdb/index.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import { createTables } from '../../../gateway/store/tables/tables.ts';
import type { Store } from '../../../gateway/store/types.ts';
import { tempDirs } from './helpers.ts';

const hooks = { assertOpen() {}, beforeWrite() {}, changed() {} };
const at = '2027-03-01T09:00:00.000Z';

/** Everything JSON can hold that a deep freeze could miss: nested objects, arrays in arrays. */
const isDeepFrozen = (value: unknown): boolean =>
  typeof value !== 'object' || value === null || (Object.isFrozen(value) && Object.values(value).every(isDeepFrozen));

describe('stored records are replaced, never changed in place', () => {
  it('every table holds its records deeply frozen, from whatever way they came in', async () => {
    const tables = createTables(() => hooks);
    await tables.accounts.create({
      id: 'a1', guardianId: 'g1', username: 'Jan', mustChangePassword: false, status: 'active', scope: 'full',
      createdAt: at, updatedAt: at, studentIds: ['s1'],
    });
    await tables.accounts.update('a1', { studentIds: ['s1', 's2'], updatedAt: at });
    await tables.sessions.set({ sid: 's', accountId: 'a1', data: { cookie: { path: '/' }, list: [[1]] }, expiresAt: at });
    await tables.cache.set({ key: 'k', kind: 'results', studentId: 's1', value: [{ scores: [{ code: 'AE', value: 'B' }] }], storedAt: at });
    await tables.audit.append({ id: 'r', at, actor: 'a1', actorKind: 'parent', action: 'view', detail: { n: 1 } });
    await tables.collection('outbox').put({ id: 'm', payload: { to: ['x'] } } as { id: string });
    const records = [
      ...tables.accounts.snapshot(), ...tables.sessions.snapshot(), ...tables.cache.snapshot(),
      ...tables.audit.snapshot(), ...tables.collection('outbox').snapshot(),
    ];
    expect(records).to.have.length(5);
    for (const record of records) expect(isDeepFrozen(record), JSON.stringify(record)).to.equal(true);
  });

  it('freezes what a lowdb store loads from its files too', async () => {
    const dirs = tempDirs();
    const dir = await dirs.make();
    try {
      const first = createLowdbStore({ dir });
      await first.open();
      await first.cache.set({ key: 'k', kind: 'student', value: { name: { given: 'Sanne' } }, storedAt: at });
      await first.close();
      const second = createLowdbStore({ dir });
      await second.open();
      const entry = await second.cache.peek!('k');
      expect(isDeepFrozen(entry)).to.equal(true);
      await second.close();
    } finally {
      await dirs.cleanup();
    }
  });

  for (const [name, make] of [['memory', async () => createMemoryStore()], ['lowdb', undefined]] as const) {
    describe(`cache peek (${name} store)`, () => {
      const dirs = tempDirs();
      let store: Store;
      beforeEach(async () => {
        store = make ? await make() : createLowdbStore({ dir: await dirs.make() });
        await store.open();
      });
      afterEach(async () => {
        await store.close();
        await dirs.cleanup();
      });

      it('hands out the stored entry itself, frozen, until it is replaced; get still hands out copies', async () => {
        await store.cache.set({ key: 'k', kind: 'student', value: { list: [1, 2] }, storedAt: at });
        const shared = await store.cache.peek!<{ list: number[] }>('k');
        expect(shared).to.deep.equal({ key: 'k', kind: 'student', value: { list: [1, 2] }, storedAt: at });
        expect(await store.cache.peek!('k')).to.equal(shared);
        expect(() => shared!.value.list.push(3)).to.throw(TypeError);
        const copy = await store.cache.get<{ list: number[] }>('k');
        copy!.value.list.push(3);
        expect((await store.cache.peek!('k'))?.value).to.deep.equal({ list: [1, 2] });

        await store.cache.set({ key: 'k', kind: 'student', value: { list: [9] }, storedAt: at });
        const replaced = await store.cache.peek!('k');
        expect(replaced).to.not.equal(shared);
        expect(replaced?.value).to.deep.equal({ list: [9] });
        expect(shared?.value).to.deep.equal({ list: [1, 2] });
        expect(await store.cache.peek!('missing')).to.equal(undefined);
      });
    });
  }

  it('copies out a key JSON allows but objects treat specially ("__proto__") as a plain key', async () => {
    const store = createMemoryStore();
    const doc = JSON.parse('{"id":"d","__proto__":{"polluted":true}}') as { id: string };
    await store.collection<{ id: string }>('docs').put(doc);
    const copy = await store.collection<{ id: string }>('docs').get('d');
    expect(Object.getPrototypeOf(copy)).to.equal(Object.prototype);
    expect(Object.hasOwn(copy as object, '__proto__')).to.equal(true);
    expect(JSON.stringify(copy)).to.equal('{"id":"d","__proto__":{"polluted":true}}');
    expect(Object.isFrozen(copy)).to.equal(false);
  });
});

describe('lowdb write of a changing store', () => {
  const dirs = tempDirs();
  let store: LowdbStore | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await dirs.cleanup();
  });

  interface Bulk { id: string; generation: number; payload: string }
  const DOCS = 2000;
  const put = (s: LowdbStore, i: number, generation: number) =>
    s.collection<Bulk>('bulk').put({ id: `d${i}`, generation, payload: String(generation).repeat(1000) });
  const generationsIn = (text: string) => {
    const records = (JSON.parse(text) as { records: Bulk[] }).records;
    return { count: records.length, generations: [...new Set(records.map((d) => d.generation))].sort() };
  };

  it('writes the records of the moment the write began, though they change between its slices', async () => {
    const dir = await dirs.make();
    const file = join(dir, 'bulk.json');
    const written: string[] = [];
    const quiet = () => {};
    const logger = {
      // Read at once, before any later write can replace the file.
      debug: (obj: object | string, msg?: string) => {
        if (msg === 'store file written' && (obj as { file?: string }).file === file) written.push(readFileSync(file, 'utf8'));
      },
      warn: quiet,
      error: quiet,
    };
    store = createLowdbStore({ dir, flushDelayMs: 60_000, logger });
    await store.open();
    for (let i = 0; i < DOCS; i += 1) await put(store, i, 1);

    const writing = store.flush();
    let changedDuringWrite = 0;
    while (written.length === 0 && changedDuringWrite < DOCS) {
      await new Promise((resolve) => setImmediate(resolve));
      if (written.length === 0) await put(store, changedDuringWrite++, 2);
    }
    await writing;
    expect(changedDuringWrite, 'records replaced while the first write ran').to.be.greaterThan(0);
    expect(generationsIn(written[0] ?? '')).to.deep.equal({ count: DOCS, generations: [1] });

    for (let i = changedDuringWrite; i < DOCS; i += 1) await put(store, i, 2);
    await store.flush();
    expect(generationsIn(await readFile(file, 'utf8'))).to.deep.equal({ count: DOCS, generations: [2] });
  });
});
