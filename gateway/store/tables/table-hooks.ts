import { StoreError } from '../types.ts';

/**
 * What a table needs from the store around it: a way to refuse work while the store is closed and
 * a way to say "my data changed" (the lowdb store schedules a write of that kind's file).
 */
export interface TableHooks {
  assertOpen(): void;
  changed(): void;
}

/**
 * Normalises what goes in to what JSON can hold, so the memory store answers exactly as a
 * persistent store would after a restart, and so the caller keeps no reference into the store.
 */
export function toStored<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Stored values are JSON-clean already; a structured clone keeps callers from mutating them. */
export function copyOut<T>(value: T): T {
  return structuredClone(value);
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
