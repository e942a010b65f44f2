/**
 * The id map: a small CSV file that turns the id a dossier gives a pupil into the id another
 * adapter in the stack uses (e.g. ParnasSys's own leerling id), so student ids agree across
 * the stack. One pair per line, `osoId,stackId` (`;` or a tab work too); blank lines and lines
 * starting with `#` are skipped; a first line starting with `leerlingid` is a header.
 */
import { readFile, stat } from 'node:fs/promises';

export interface IdMapReading {
  map: Map<string, string>;
  problems: string[];
}

function unquote(field: string): string {
  const t = field.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"').trim() : t;
}

export function parseIdMap(content: string): IdMapReading {
  const map = new Map<string, string>();
  const ambiguous = new Set<string>();
  const problems: string[] = [];
  let first = true;
  for (const [i, line] of content.replace(/^\ufeff/, '').split(/\r?\n/).entries()) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const fields = trimmed.split(/[,;\t]/).map(unquote);
    const isHeader = first && /^leerlingid$/i.test(fields[0] ?? '');
    first = false;
    if (isHeader) continue;
    const [from, to] = fields;
    if (fields.length !== 2 || !from || !to) {
      problems.push(`line ${i + 1}: expected two columns, the dossier's id and the stack's id`);
      continue;
    }
    const earlier = map.get(from);
    if (earlier !== undefined && earlier !== to) ambiguous.add(from);
    map.set(from, to);
  }
  for (const from of ambiguous) {
    // Two answers for one pupil: neither is trusted.
    map.delete(from);
    problems.push(`id ${from} is mapped twice, to different ids; left out`);
  }
  return { map, problems };
}

/** The id map file, re-read when its size or mtime changes; the last readable map stays in use. */
export class IdMapFile {
  readonly #path: string;
  #signature?: string;
  #reading?: IdMapReading;
  #problem?: string;

  constructor(path: string) {
    this.#path = path;
  }

  /** The map in use (undefined until the file was once readable), its problems, and whether it changed. */
  async read(): Promise<{ map?: ReadonlyMap<string, string>; problems: string[]; changed: boolean }> {
    let changed = false;
    try {
      const s = await stat(this.#path);
      const signature = `${s.size}:${s.mtimeMs}:${s.ino}`;
      if (signature !== this.#signature) {
        this.#reading = parseIdMap(await readFile(this.#path, 'utf8'));
        this.#signature = signature;
        changed = true;
      }
      this.#problem = undefined;
    } catch (err) {
      this.#problem = `the id map ${this.#path} cannot be read (${(err as NodeJS.ErrnoException)?.code ?? String(err)})`;
    }
    const problems = [...(this.#problem ? [this.#problem] : []), ...(this.#reading?.problems ?? []).map((p) => `id map ${p}`)];
    return { ...(this.#reading && { map: this.#reading.map }), problems, changed };
  }
}
