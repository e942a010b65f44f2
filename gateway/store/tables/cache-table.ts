import type { CacheEntry, CacheRepo } from '../types.ts';
import { addToIndex, copyOut, deepFreeze, parseTime, removeFromIndex, requireId, toStored } from './table-hooks.ts';
import type { TableHooks } from './table-hooks.ts';

interface Row {
  entry: CacheEntry;
  storedMs: number;
}

/** The record cache in memory, indexed by pupil so a departed pupil's data goes without a scan. */
export class CacheTable implements CacheRepo {
  readonly #byKey = new Map<string, Row>();
  readonly #keysByStudent = new Map<string, Set<string>>();

  constructor(private readonly hooks: TableHooks) {}

  load(entries: CacheEntry[]): void {
    this.#byKey.clear();
    this.#keysByStudent.clear();
    for (const entry of entries) this.#put(entry);
  }

  snapshot(): CacheEntry[] {
    return [...this.#byKey.values()].map((row) => row.entry);
  }

  async get<T = unknown>(key: string): Promise<CacheEntry<T> | undefined> {
    this.hooks.assertOpen();
    const row = this.#byKey.get(key);
    return row && (copyOut(row.entry) as CacheEntry<T>);
  }

  async peek<T = unknown>(key: string): Promise<CacheEntry<T> | undefined> {
    this.hooks.assertOpen();
    const row = this.#byKey.get(key);
    // Stored entries are frozen already (set, and the lowdb load); the call only makes sure of it.
    return row && (deepFreeze(row.entry) as CacheEntry<T>);
  }

  async set<T = unknown>(entry: CacheEntry<T>): Promise<void> {
    this.hooks.beforeWrite();
    this.#put(toStored(entry) as CacheEntry);
    this.hooks.changed();
  }

  async delete(key: string): Promise<void> {
    this.hooks.beforeWrite();
    if (this.#remove(key)) this.hooks.changed();
  }

  async deleteByStudent(studentId: string): Promise<number> {
    this.hooks.beforeWrite();
    const keys = [...(this.#keysByStudent.get(studentId) ?? [])];
    for (const key of keys) this.#remove(key);
    if (keys.length > 0) this.hooks.changed();
    return keys.length;
  }

  async purgeOlderThan(before: Date): Promise<number> {
    this.hooks.beforeWrite();
    const beforeMs = before.getTime();
    let removed = 0;
    for (const [key, row] of this.#byKey) {
      if (row.storedMs < beforeMs && this.#remove(key)) removed += 1;
    }
    if (removed > 0) this.hooks.changed();
    return removed;
  }

  async count(): Promise<number> {
    this.hooks.assertOpen();
    return this.#byKey.size;
  }

  #put(entry: CacheEntry): void {
    requireId(entry.key, 'key');
    const storedMs = parseTime(entry.storedAt, 'storedAt');
    this.#remove(entry.key);
    this.#byKey.set(entry.key, { entry, storedMs });
    if (entry.studentId !== undefined) addToIndex(this.#keysByStudent, entry.studentId, entry.key);
  }

  #remove(key: string): boolean {
    const row = this.#byKey.get(key);
    if (!row) return false;
    this.#byKey.delete(key);
    if (row.entry.studentId !== undefined) removeFromIndex(this.#keysByStudent, row.entry.studentId, key);
    return true;
  }
}
