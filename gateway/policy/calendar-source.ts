/**
 * The calendar in force, kept in step with its file. A valid edit takes effect at once and is
 * logged with what changed; an invalid one is rejected with file, line and key, and the last good
 * calendar stays in force — an edit never opens everything, and never closes everything either.
 * At boot there is no last good calendar, so an invalid file throws CalendarError.
 *
 * The directory is watched rather than the file: editors save by writing a new file and renaming
 * it over the old one, which ends a watch on the old file. Bursts of events are debounced.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { AdapterLogger, Clock } from '../../adapters/contract/adapter.ts';
import { diffCalendars, isEmptyDiff, summarizeDiff, type CalendarDiff } from './calendar-diff.ts';
import type { Calendar } from './calendar-types.ts';
import { CalendarError, readCalendarFile, type CalendarIssue } from './parse-calendar.ts';

export interface CalendarSourceOptions {
  file: string;
  logger: AdapterLogger;
  /** Called after a valid change took effect (not for a save that changed nothing). */
  onChange?: (calendar: Calendar, diff: CalendarDiff) => void;
  /** Watch the file for changes; default true. Off, only reload() reads it again. */
  watch?: boolean;
  /** How long a burst of file events settles before one reload; default 200 ms. */
  debounceMs?: number;
  /** Stamps loadedAt / checkedAt; default the system clock. */
  clock?: Clock;
}

export interface CalendarStatus {
  file: string;
  /** Whether the file as it is now is the calendar in force. */
  valid: boolean;
  /** When the calendar in force was loaded (ISO). */
  loadedAt: string;
  /** When the file was last read (ISO). */
  checkedAt: string;
  /** Why the file as it is now was rejected: the first problem, and all of them. */
  error?: { message: string; line?: number; key: string; issues: CalendarIssue[] };
}

export type ReloadOutcome =
  | { applied: true; diff: CalendarDiff }
  | { applied: false; unchanged: true }
  | { applied: false; unchanged: false; issues: CalendarIssue[] };

export interface CalendarSource {
  /** The calendar in force (deep-frozen). */
  current(): Calendar;
  status(): CalendarStatus;
  /** Reads the file again now; what a file event does after its debounce. */
  reload(): Promise<ReloadOutcome>;
  /** Stops watching. */
  close(): void;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function createCalendarSource(options: CalendarSourceOptions): CalendarSource {
  const file = resolve(options.file);
  const { logger } = options;
  const clock = options.clock ?? { now: () => new Date() };

  const first = readCalendarFile(file);
  if (!first.ok) throw new CalendarError(file, first.issues);
  let calendar = deepFreeze(first.calendar);
  let loadedAt = clock.now().toISOString();
  let state: CalendarStatus = { file, valid: true, loadedAt, checkedAt: loadedAt };

  function readNow(): ReloadOutcome {
    const checkedAt = clock.now().toISOString();
    const result = readCalendarFile(file);
    if (!result.ok) {
      const [head] = result.issues as [CalendarIssue, ...CalendarIssue[]];
      state = {
        file, valid: false, loadedAt, checkedAt,
        error: { message: head.message, ...(head.line !== undefined ? { line: head.line } : {}), key: head.key, issues: result.issues },
      };
      logger.error({ calendar: file, issues: result.issues }, 'calendar rejected, the last good calendar stays in force');
      return { applied: false, unchanged: false, issues: result.issues };
    }
    const diff = diffCalendars(calendar, result.calendar);
    if (isEmptyDiff(diff)) {
      state = { file, valid: true, loadedAt, checkedAt };
      logger.debug({ calendar: file }, 'calendar file read, nothing changed');
      return { applied: false, unchanged: true };
    }
    calendar = deepFreeze(result.calendar);
    loadedAt = checkedAt;
    state = { file, valid: true, loadedAt, checkedAt };
    logger.info({ calendar: file, ...diff }, `calendar reloaded: ${summarizeDiff(diff)}`);
    try {
      options.onChange?.(calendar, diff);
    } catch (err) {
      logger.error({ calendar: file, err }, 'a calendar change listener failed');
    }
    return { applied: true, diff };
  }

  // One read at a time, in order, whoever asks.
  let queue: Promise<unknown> = Promise.resolve();
  function reload(): Promise<ReloadOutcome> {
    const next = queue.then(readNow);
    queue = next.catch(() => undefined);
    return next;
  }

  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  if (options.watch ?? true) {
    const name = basename(file);
    watcher = watch(dirname(file), { persistent: false }, (_event, changed) => {
      if (changed !== null && changed.toString() !== name) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), options.debounceMs ?? 200);
      timer.unref();
    });
    watcher.on('error', (err) => logger.error({ calendar: file, err }, 'watching the calendar file failed'));
  }

  return {
    current: () => calendar,
    status: () => ({ ...state, ...(state.error ? { error: { ...state.error, issues: [...state.error.issues] } } : {}) }),
    reload,
    close() {
      clearTimeout(timer);
      watcher?.close();
      watcher = undefined;
    },
  };
}
