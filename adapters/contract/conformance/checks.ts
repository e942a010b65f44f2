/**
 * Assertions the rules share. Failures throw ConformanceError with a message that names what was
 * expected and what the adapter did, since a third party reads it in a terminal, not in a debugger.
 */
import type { Clock } from '../index.ts';
import { isSisError } from '../index.ts';

export class ConformanceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConformanceError';
  }
}

export function fail(message: string): never {
  throw new ConformanceError(message);
}

/**
 * A rule the data cannot judge yet (a school with no results, no absences in the range): the
 * report says "not checked: <why>" instead of passing silently, and the run does not fail.
 */
export class NotChecked extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotChecked';
  }
}

export function notChecked(message: string): never {
  throw new NotChecked(message);
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

/** A short, single-line rendering of a value for failure messages. */
export function preview(value: unknown, max = 140): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function describeError(err: unknown): string {
  if (typeof err !== 'object' || err === null) return `a non-error value ${preview(err)}`;
  const { name, code, message } = err as { name?: unknown; code?: unknown; message?: unknown };
  const codePart = code === undefined ? 'no code' : `code ${preview(code)}`;
  return `${String(name ?? 'Error')} (${codePart}): ${String(message ?? '')}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** `YYYY-MM-DD` naming a day that exists (no 2025-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A full ISO 8601 instant with a zone (`Z` or an offset), on a real calendar day. */
export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_INSTANT.exec(value);
  return m !== null && isIsoDate(m[1]) && !Number.isNaN(Date.parse(value));
}

const amsterdamDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit',
});

/** Today's local date in Europe/Amsterdam by the given clock. */
export function today(clock: Clock): string {
  return amsterdamDate.format(clock.now());
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The school year (1 August – 31 July) a local date falls in, written "2026-2027". */
export function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '08-01' ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** Date first, then id, compared as plain strings (code units), like Array.prototype.sort. */
export function compareByDateThenId(a: { date: string; id: string }, b: { date: string; id: string }): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/**
 * Calls a method that must reject with SIS_NOT_FOUND. Recognised by code (isSisError), never by
 * class: an adapter from npm may bundle its own copy of the errors module.
 */
export async function expectNotFound(label: string, call: () => Promise<unknown>): Promise<void> {
  let pending: Promise<unknown>;
  try {
    pending = call();
  } catch (err) {
    fail(`${label} threw synchronously (${describeError(err)}); contract methods return a rejected promise instead`);
  }
  if (typeof (pending as Promise<unknown> | undefined)?.then !== 'function') {
    fail(`${label} returned ${preview(pending)} instead of a promise`);
  }
  let value: unknown;
  try {
    value = await pending;
  } catch (err) {
    if (isSisError(err, 'SIS_NOT_FOUND')) return;
    fail(`${label} rejected with ${describeError(err)}; expected an error whose code is SIS_NOT_FOUND`);
  }
  fail(`${label} resolved with ${preview(value)}; expected a rejection whose code is SIS_NOT_FOUND`);
}
