import type { Adapter } from 'lowdb';
import type { AdapterLogger } from '../../../adapters/contract/adapter.ts';
import { StoreError } from '../types.ts';
import { nodeFs, readFileIfExists, writeFileDurable, type DurableFs } from './durable-file.ts';
import { kindFileChunks } from './kind-file-chunks.ts';

/** Bumped when the layout of a kind file changes incompatibly. */
export const FORMAT_VERSION = 1;

interface KindFile<T> {
  kind: string;
  v: number;
  records: T[];
}

/**
 * A lowdb adapter for one kind file (accounts.json, cache.json, outbox.json, …): the records of
 * that kind in a small envelope, as compact JSON, written durably. An unreadable file is an error
 * that names the file: starting empty would silently lose every account. The text is written in
 * chunks, serialised in slices of a few ms, so a file of many MB does not stall the pages.
 */
export class KindFileAdapter<T> implements Adapter<T[]> {
  constructor(
    readonly file: string,
    private readonly kind: string,
    private readonly logger?: Pick<AdapterLogger, 'debug'>,
    private readonly fs: DurableFs = nodeFs,
  ) {}

  async read(): Promise<T[] | null> {
    const text = await readFileIfExists(this.file);
    if (text === undefined) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new StoreError('CORRUPT', `Store file ${this.file} is not valid JSON; restore it from a backup`, { cause: err });
    }
    if (!isKindFile(parsed) || parsed.kind !== this.kind) {
      throw new StoreError('CORRUPT', `Store file ${this.file} does not hold "${this.kind}" records`);
    }
    if (parsed.v !== FORMAT_VERSION) {
      throw new StoreError('CORRUPT', `Store file ${this.file} has format version ${parsed.v}; this gateway reads ${FORMAT_VERSION}`);
    }
    return parsed.records as T[];
  }

  /**
   * `records` is a snapshot (a new array) of records that are replaced, never changed in place, so
   * serialising it in slices between other work still writes the file of that one moment.
   */
  async write(records: T[]): Promise<void> {
    const bytes = await writeFileDurable(this.file, kindFileChunks(this.kind, FORMAT_VERSION, records), 0o600, this.fs);
    this.logger?.debug({ file: this.file, records: records.length, bytes }, 'store file written');
  }
}

function isKindFile(value: unknown): value is KindFile<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<KindFile<unknown>>;
  return typeof candidate.kind === 'string' && typeof candidate.v === 'number' && Array.isArray(candidate.records);
}
