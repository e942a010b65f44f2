import type { CacheEntry, CacheRepo } from '../types.ts';
import { addToIndex, copyOut, deepFreeze, parseTime, removeFromIndex, requireId, toStored } from './table-hooks.ts';
import type { TableHooks } from './table-hooks.ts';

interface Row {
  entry: CacheEntry;
  storedMs: number;
}

/** The record cache in memory, indexed by pupil and guardian so a departed one's data goes without a scan. */
export class CacheTable implements CacheRepo {
  readonly #byKey = new Map<string, Row>();
  readonly #keysByStudent = new Map<string, Set<string>>();
  readonly #keysByGuardian = new Map<string, Set<string>>();

  constructor(private readonly hooks: TableHooks) {}

  load(entries: CacheEntry[]): void {
    this.#byKey.clear();
    this.#keysByStudent.clear();
    this.#keysByGuardian.clear();
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
    return this.#deleteAll(this.#keysByStudent.get(studentId));
  }

  async deleteByGuardian(guardianId: string): Promise<number> {
    return this.#deleteAll(this.#keysByGuardian.get(guardianId));
  }

  async owners(): Promise<{ studentIds: string[]; guardianIds: string[] }> {
    this.hooks.assertOpen();
    return { studentIds: [...this.#keysByStudent.keys()].sort(), guardianIds: [...this.#keysByGuardian.keys()].sort() };
  }

  #deleteAll(index: Set<string> | undefined): number {
    this.hooks.beforeWrite();
    const keys = [...(index ?? [])];
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

  async statsByKind(): Promise<Array<{ kind: string; count: number; oldest: string; newest: string }>> {
    this.hooks.assertOpen();
    const byKind = new Map<string, { count: number; oldest: number; newest: number }>();
    for (const { entry, storedMs } of this.#byKey.values()) {
      const s = byKind.get(entry.kind) ?? { count: 0, oldest: Infinity, newest: -Infinity };
      byKind.set(entry.kind, { count: s.count + 1, oldest: Math.min(s.oldest, storedMs), newest: Math.max(s.newest, storedMs) });
    }
    return [...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([kind, s]) => ({
      kind, count: s.count, oldest: new Date(s.oldest).toISOString(), newest: new Date(s.newest).toISOString(),
    }));
  }

  #put(entry: CacheEntry): void {
    requireId(entry.key, 'key');
    const storedMs = parseTime(entry.storedAt, 'storedAt');
    this.#remove(entry.key);
    this.#byKey.set(entry.key, { entry, storedMs });
    if (entry.studentId !== undefined) addToIndex(this.#keysByStudent, entry.studentId, entry.key);
    if (entry.guardianId !== undefined) addToIndex(this.#keysByGuardian, entry.guardianId, entry.key);
  }

  #remove(key: string): boolean {
    const row = this.#byKey.get(key);
    if (!row) return false;
    this.#byKey.delete(key);
    if (row.entry.studentId !== undefined) removeFromIndex(this.#keysByStudent, row.entry.studentId, key);
    if (row.entry.guardianId !== undefined) removeFromIndex(this.#keysByGuardian, row.entry.guardianId, key);
    return true;
  }
}
