/**
 * The folder of dossiers: lists `*.xml` files, re-reads only those whose size, mtime or inode
 * changed since the last scan, and remembers each file's reading. A file that turns unreadable
 * (half-written, broken) keeps its last readable version in use and is reported by name; a
 * file that was never readable is skipped. Nothing here stops on one bad file.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SisError, type AdapterLogger } from '../contract/index.ts';
import type { FolderProblem } from './dossier-index.ts';
import type { DossierRecord } from './dossier-record.ts';
import type { ResultOptions } from './map-results.ts';
import { offThread } from '../shared/off-thread.ts';
import { parseDossierFile, type DossierFileInput } from './parse-dossier-file.ts';
import type { FileReading } from './read-dossier-file.ts';

/** Parsing runs in a worker: a file of 1,500 dossiers would block the event loop for seconds. */
const parser = offThread<DossierFileInput, FileReading>(
  new URL(`./parse-dossier-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url), parseDossierFile,
);

export interface FolderOptions {
  dir: string;
  maxFileBytes: number;
  results: ResultOptions;
  logger: AdapterLogger;
}

export interface FolderScan {
  records: DossierRecord[];
  problems: FolderProblem[];
  files: number;
  /** Whether any file was added, changed or removed since the previous scan. */
  changed: boolean;
}

interface CachedFile {
  signature: string;
  records: DossierRecord[];
  problems: string[];
}

const errorCode = (err: unknown) => (err as NodeJS.ErrnoException)?.code ?? (err as Error)?.message ?? String(err);

export class DossierFolder {
  readonly #options: FolderOptions;
  #files = new Map<string, CachedFile>();

  constructor(options: FolderOptions) {
    this.#options = options;
  }

  /** Rejects with SIS_UNAVAILABLE when the folder itself cannot be listed. */
  async scan(): Promise<FolderScan> {
    const { dir } = this.#options;
    let names: string[];
    try {
      const entries = await readdir(dir, { withFileTypes: true });
      names = entries.filter((e) => !e.isDirectory() && !e.name.startsWith('.') && /\.xml$/i.test(e.name)).map((e) => e.name).sort();
    } catch (err) {
      throw new SisError('SIS_UNAVAILABLE', { message: `The OSO dossier folder ${dir} cannot be read (${errorCode(err)})`, cause: err });
    }
    let changed = names.length !== this.#files.size || names.some((n) => !this.#files.has(n));
    const next = new Map<string, CachedFile>();
    for (const name of names) {
      const before = this.#files.get(name);
      const now = await this.#read(name, before);
      if (now === undefined) {
        changed = true; // vanished between listing and reading
        continue;
      }
      if (now !== before) changed = true;
      next.set(name, now);
    }
    this.#files = next;
    const scan: FolderScan = { records: [], problems: [], files: next.size, changed };
    for (const [file, cached] of next) {
      scan.records.push(...cached.records);
      scan.problems.push(...cached.problems.map((problem) => ({ file, problem })));
    }
    return scan;
  }

  /** The cached reading when the file is unchanged, else a fresh one; undefined when it is gone. */
  async #read(name: string, before: CachedFile | undefined): Promise<CachedFile | undefined> {
    const path = join(this.#options.dir, name);
    let signature: string;
    let size: number;
    try {
      const s = await stat(path);
      if (!s.isFile()) return undefined;
      ({ size } = s);
      signature = `${s.size}:${s.mtimeMs}:${s.ino}`;
    } catch {
      return undefined;
    }
    if (before?.signature === signature) return before;

    let fresh: CachedFile;
    if (size > this.#options.maxFileBytes) {
      fresh = { signature, records: [], problems: [`larger than maxFileBytes (${size} > ${this.#options.maxFileBytes} bytes)`] };
    } else {
      try {
        const file = await readFile(path);
        const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
        const reading = await parser.run({ name, bytes, results: this.#options.results }, file.byteOffset === 0 && file.byteLength === file.buffer.byteLength ? [file.buffer as ArrayBuffer] : []);
        fresh = { signature, ...reading };
        const notes = reading.records.flatMap((r) => r.notes);
        if (notes.length > 0) this.#options.logger.info({ file: name, notes }, 'OSO dossier: parts left out');
      } catch (err) {
        fresh = { signature, records: [], problems: [`could not be read (${errorCode(err)})`] };
      }
    }
    if (fresh.records.length === 0 && before && before.records.length > 0) {
      // A file mid-write or spoiled: parents keep seeing the last good version until it is fixed.
      fresh = { signature, records: before.records, problems: fresh.problems.map((p) => `${p}; the last readable version is used`) };
    }
    if (fresh.problems.length > 0) {
      this.#options.logger.warn({ file: name, problems: fresh.problems }, fresh.records.length > 0 ? 'OSO dossier file partly read' : 'OSO dossier file skipped');
    }
    return fresh;
  }
}
