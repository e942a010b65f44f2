import { StoreError } from '../types.ts';

/**
 * What a table needs from the store around it: a way to refuse work while the store is closed,
 * a way to refuse a change the store cannot keep now (its writes of that kind fail), and a way to
 * say "my data changed" (the lowdb store schedules a write of that kind's file).
 */
export interface TableHooks {
  assertOpen(): void;
  /** Called before any change: throws CLOSED, or UNAVAILABLE while this kind cannot be written. */
  beforeWrite(): void;
  changed(): void;
}

/**
 * Normalises what goes in to what JSON can hold, so the memory store answers exactly as a
 * persistent store would after a restart, and so the caller keeps no reference into the store.
 * The stored copy is frozen: a table replaces a record, never changes it in place, which is what
 * lets the lowdb store serialise a snapshot over several ticks (kind-file-adapter.ts) and the
 * cache hand out its own entries without a copy (CacheRepo.peek).
 */
export function toStored<T>(value: T): T {
  return deepFreeze(JSON.parse(JSON.stringify(value)) as T);
}

/** Freezes a JSON value and everything in it; a frozen object is taken to be frozen through. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}

/**
 * A copy for the caller, so mutating it never changes the store. Stored values are JSON-clean
 * (plain objects, arrays, strings, numbers, booleans, null), so a plain walk copies them exactly,
 * several times faster than structuredClone; the copy is not frozen.
 */
export function copyOut<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyOut) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const child = copyOut((value as Record<string, unknown>)[key]);
    // JSON.parse makes "__proto__" an own key; assigning it would set the prototype instead.
    if (key === '__proto__') {
      Object.defineProperty(copy, key, { value: child, enumerable: true, writable: true, configurable: true });
    } else {
      copy[key] = child;
    }
  }
  return copy as T;
}

/** Milliseconds since the epoch of an ISO date, or INVALID naming the field. */
export function parseTime(value: unknown, field: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new StoreError('INVALID', `${field} is not a date: ${String(value)}`);
  return ms;
}

export function requireId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new StoreError('INVALID', `${field} must be a non-empty string`);
  }
  return value;
}

/** Adds `id` to the set kept under `key`, creating the set when needed. */
export function addToIndex(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids) ids.add(id);
  else index.set(key, new Set([id]));
}

export function removeFromIndex(index: Map<string, Set<string>>, key: string, id: string): void {
  const ids = index.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(key);
}
