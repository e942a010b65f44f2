import { expect } from 'chai';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { kindFileChunks, type ChunkOptions } from '../../../gateway/store/lowdb/kind-file-chunks.ts';
import { writeFileDurable } from '../../../gateway/store/lowdb/durable-file.ts';
import { deepFreeze } from '../../../gateway/store/tables/table-hooks.ts';
import { tempDirs } from './helpers.ts';

async function chunksOf(records: readonly unknown[], options: ChunkOptions = {}): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of kindFileChunks('cache', 1, records, options)) chunks.push(chunk);
  return chunks;
}

const textOf = async (records: readonly unknown[], options: ChunkOptions = {}) =>
  Buffer.concat(await chunksOf(records, options)).toString('utf8');

const envelope = (records: readonly unknown[]) => JSON.stringify({ kind: 'cache', v: 1, records });

const doc = (i: number, extra: Record<string, unknown> = {}) =>
  deepFreeze({ key: `k${i}`, kind: 'student', value: { n: i, name: `Sanne ${i}`, tags: ['a', i] }, storedAt: '2027-03-01T09:00:00.000Z', ...extra });

describe('lowdb kind file chunks', () => {
  it('writes exactly what JSON.stringify of the whole file writes', async () => {
    const cases: unknown[][] = [
      [],
      [doc(1)],
      Array.from({ length: 500 }, (_, i) => doc(i)),
      // Not frozen, odd values, text that is more than one byte in UTF-8.
      [{ id: 'x', when: undefined, list: [undefined, null, 1.5e-7, -0], text: 'één ☃ 🚲 "quoted" \\ \u2028' }, null, 'plain', 42],
    ];
    for (const records of cases) {
      expect(await textOf(records)).to.equal(envelope(records));
      expect(await textOf(records, { chunkChars: 1, sliceMs: 0 })).to.equal(envelope(records));
    }
  });

  it('writes the same file again after records are added, replaced and removed', async () => {
    let records = Array.from({ length: 400 }, (_, i) => doc(i));
    const options = { chunkChars: 512 };
    expect(await textOf(records, options)).to.equal(envelope(records));
    records = [...records, doc(400), doc(401)];
    expect(await textOf(records, options)).to.equal(envelope(records));
    records = records.map((r, i) => (i === 150 ? doc(150, { storedAt: '2027-03-02T09:00:00.000Z' }) : r));
    expect(await textOf(records, options)).to.equal(envelope(records));
    records = [...records.slice(0, 10), ...records.slice(11, 300), ...records.slice(301)];
    expect(await textOf(records, options)).to.equal(envelope(records));
  });

  it('reuses the chunks of records it wrote before, and rebuilds only around a change', async () => {
    const records = Array.from({ length: 400 }, (_, i) => doc(i));
    const options = { chunkChars: 512 };
    const first = await chunksOf(records, options);
    const again = await chunksOf([...records.slice(0, 200), doc(200, { storedAt: '2027-03-02T09:00:00.000Z' }), ...records.slice(201)], options);
    const reused = again.filter((chunk) => first.some((old) => old.buffer === chunk.buffer && old.byteOffset === chunk.byteOffset));
    // From memory: every chunk but the head, the end, the last chunk (which may grow) and the one or
    // two around record 200 (the new record may end its chunk where the old one did not).
    expect(first.length).to.be.greaterThan(20);
    expect(reused.length).to.be.at.least(again.length - 5);
    expect(reused.length).to.be.lessThan(again.length);
  });

  it('pauses for the event loop between slices of a large file', async () => {
    const records = Array.from({ length: 2000 }, (_, i) => doc(i, { payload: 'x'.repeat(500) }));
    let turns = 0;
    let counting = true;
    const tick = () => {
      turns += 1;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    const text = await textOf(records, { sliceMs: 0, chunkChars: 4096 });
    counting = false;
    expect(text).to.equal(envelope(records));
    expect(turns, 'event-loop turns while serialising').to.be.greaterThan(10);
  });
});

describe('lowdb durable write from chunks', () => {
  const dirs = tempDirs();
  afterEach(() => dirs.cleanup());

  it('writes every chunk, returns the size and leaves no temp file', async () => {
    const dir = await dirs.make();
    await mkdir(dir, { recursive: true });
    const records = Array.from({ length: 3000 }, (_, i) => doc(i));
    const file = join(dir, 'cache.json');
    const bytes = await writeFileDurable(file, kindFileChunks('cache', 1, records));
    const text = await readFile(file, 'utf8');
    expect(text).to.equal(envelope(records));
    expect(bytes).to.equal(Buffer.byteLength(text));
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).to.deep.equal([]);
  });

  it('keeps the old file when serialising fails half-way, and removes the temp file', async () => {
    const dir = await dirs.make();
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'cache.json');
    await writeFile(file, 'the old content');
    async function* failing() {
      yield Buffer.from('{"kind":"cache","v":1,"records":[');
      throw new Error('a record could not be serialised');
    }
    let failure: unknown;
    await writeFileDurable(file, failing()).catch((err: unknown) => (failure = err));
    expect((failure as Error).message).to.equal('a record could not be serialised');
    expect(await readFile(file, 'utf8')).to.equal('the old content');
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).to.deep.equal([]);
  });
});
