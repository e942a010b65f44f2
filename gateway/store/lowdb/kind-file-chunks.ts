/**
 * The bytes of a kind file — exactly `JSON.stringify({ kind, v, records })` — produced in chunks,
 * so that rewriting a large file neither blocks the event loop nor redoes work already done.
 * `JSON.stringify` of a whole file costs 15–20 ms per MB on the main thread (bench/README.md).
 *
 * - In slices: records are serialised a chunk at a time; after `sliceMs` of work the generator
 *   waits for the event loop (setImmediate), and the writer's own awaits let other work in too.
 * - Consistent: `records` is the snapshot of one moment — a new array the table built before the
 *   first await — and a table never changes a stored record in place, it replaces it (stored
 *   records are deeply frozen, tables/table-hooks.ts). The records serialised after a pause are
 *   still the ones of that moment, whatever the store did in between.
 * - Remembered: because a frozen record never changes, a chunk of frozen records is kept (as bytes,
 *   by the identity of its records) and written again as it is while those same records follow
 *   each other. Chunk ends are content-defined — after a record, by a mark drawn once for that
 *   record — so one record added, replaced or removed rebuilds the chunk around it, not the rest of
 *   the file. Memory: about the size of the written files, outside the JS heap, freed with the
 *   records.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

export interface ChunkOptions {
  /** Work between two pauses, at most about this long (one record is never split). Default 4 ms. */
  sliceMs?: number;
  /** The chunk size aimed at, in characters of JSON. Default 16 Ki. */
  chunkChars?: number;
}

interface RecordInfo {
  /** Drawn once per record: whether a chunk ends after it (see buildChunk). */
  mark: number;
  chars: number;
}

interface Chunk {
  records: readonly unknown[];
  /** The records' JSON joined by commas, with a leading comma. */
  bytes: Buffer;
}

const infos = new WeakMap<object, RecordInfo>();
/** Chunks that ended at a chunk end (not merely at the end of the file), by their first record. */
const chunks = new WeakMap<object, Chunk>();

const isFrozenObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && Object.isFrozen(value);

// As in an array: what JSON cannot hold (undefined, a function) becomes null.
const jsonOf = (record: unknown): string => JSON.stringify(record) ?? 'null';

/** The remembered chunk starting at records[start], when the same records follow there again. */
function rememberedAt(records: readonly unknown[], start: number): Chunk | undefined {
  const first = records[start];
  const chunk = isFrozenObject(first) ? chunks.get(first) : undefined;
  if (!chunk || start + chunk.records.length > records.length) return undefined;
  for (let i = 0; i < chunk.records.length; i += 1) if (chunk.records[i] !== records[start + i]) return undefined;
  return chunk;
}

/**
 * Builds the chunk starting at records[start]: it ends after a record with a chance proportional
 * to that record's size (by its mark), so chunks hold about `target` characters, and where they
 * end depends on the records around, not on their position in the file.
 */
function buildChunk(records: readonly unknown[], start: number, target: number): { bytes: Buffer; end: number } {
  const texts: string[] = [];
  let frozen = true;
  let closed = false;
  let end = start;
  while (end < records.length && !closed) {
    const record = records[end];
    const text = jsonOf(record);
    texts.push(text);
    end += 1;
    if (isFrozenObject(record)) {
      // A record inside this chunk starts no chunk any more: its old chunk (and what that holds) goes.
      if (end > start + 1) chunks.delete(record);
      let info = infos.get(record);
      if (!info) infos.set(record, (info = { mark: Math.random(), chars: text.length }));
      closed = info.mark * target < info.chars + 1;
    } else {
      frozen = false;
      closed = Math.random() * target < text.length + 1;
    }
  }
  const bytes = Buffer.from(`,${texts.join(',')}`, 'utf8');
  // The last chunk of a file that grows at its end would never be found again: not kept.
  if (frozen && closed) chunks.set(records[start] as object, { records: records.slice(start, end), bytes });
  return { bytes, end };
}

export async function* kindFileChunks(
  kind: string, version: number, records: readonly unknown[], options: ChunkOptions = {},
): AsyncGenerator<Buffer, void, undefined> {
  const sliceMs = options.sliceMs ?? 4;
  const target = options.chunkChars ?? 16 * 1024;
  // The envelope's keys in the order JSON.stringify({ kind, v, records }) writes them.
  yield Buffer.from(`{"kind":${JSON.stringify(kind)},"v":${JSON.stringify(version)},"records":[`, 'utf8');
  let sliceStart = performance.now();
  for (let start = 0; start < records.length;) {
    const known = rememberedAt(records, start);
    const { bytes, end } = known ? { bytes: known.bytes, end: start + known.records.length } : buildChunk(records, start, target);
    yield start === 0 ? bytes.subarray(1) : bytes;
    start = end;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  yield Buffer.from(']}', 'utf8');
}
