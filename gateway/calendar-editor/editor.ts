/**
 * The editor's writes to the calendar file. The file stays the source of truth: a save is the
 * new text written over it durably (temp file, fsync, rename — the file never holds half a
 * calendar), after which the calendar source reloads it, exactly as it does after a hand edit.
 *
 * A save names the version (sha256 of the text) the operator's form was opened on; if the file is
 * different now — another operator, or someone with a text editor — the save is refused and the
 * caller gets the text as it is now. Saves run one at a time, so check and write cannot interleave.
 * Every save and restore is kept as a version and audited.
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Clock } from '../../adapters/contract/adapter.ts';
import type { CalendarSource } from '../policy/calendar-source.ts';
import type { Calendar } from '../policy/calendar-types.ts';
import { diffCalendars, summarizeDiff } from '../policy/calendar-diff.ts';
import { parseCalendar, type CalendarIssue } from '../policy/parse-calendar.ts';
import { writeFileDurable } from '../store/lowdb/durable-file.ts';
import type { Store } from '../store/types.ts';
import { createCalendarHistory, versionOf, type CalendarHistory, type CalendarVersion } from './history.ts';

export interface CalendarFileState {
  text: string;
  version: string;
  /** The file as it is now, validated (the calendar in force may be an older, good one). */
  parse: ReturnType<typeof parseCalendar>;
}

export type SaveOutcome =
  | { ok: true; version: CalendarVersion }
  | { ok: false; reason: 'conflict'; current: CalendarFileState }
  | { ok: false; reason: 'invalid'; issues: CalendarIssue[] };

export interface SaveRequest {
  text: string;
  /** The version the operator's form was opened on. */
  expectedVersion: string;
  actor: string;
  requestId?: string;
  /** A restore of an earlier version, by its id. */
  restoredFrom?: string;
}

export interface CalendarEditor {
  readonly file: string;
  read(): Promise<CalendarFileState>;
  save(request: SaveRequest): Promise<SaveOutcome>;
  readonly history: CalendarHistory;
}

export interface CalendarEditorDeps {
  source: CalendarSource;
  store: Pick<Store, 'collection' | 'audit'>;
  clock: Clock;
}

export function createCalendarEditor(deps: CalendarEditorDeps): CalendarEditor {
  const file = deps.source.status().file;
  const history = createCalendarHistory(deps.store);

  async function read(): Promise<CalendarFileState> {
    const text = await readFile(file, 'utf8');
    return { text, version: versionOf(text), parse: parseCalendar(text, file) };
  }

  async function audit(actor: string, action: string, requestId: string | undefined, detail: Record<string, string | number | boolean>) {
    await deps.store.audit.append({
      id: randomUUID(), at: deps.clock.now().toISOString(), actorKind: 'operator', actor, action,
      ...(requestId ? { requestId } : {}), detail,
    });
  }

  async function saveNow(request: SaveRequest): Promise<SaveOutcome> {
    const action = request.restoredFrom ? 'calendar.restore' : 'calendar.save';
    const current = await read();
    if (current.version !== request.expectedVersion) {
      await audit(request.actor, action, request.requestId, { outcome: 'conflict' });
      return { ok: false, reason: 'conflict', current };
    }
    const next = parseCalendar(request.text, file);
    if (!next.ok) return { ok: false, reason: 'invalid', issues: next.issues };
    const at = deps.clock.now().toISOString();

    // The file as found is kept first when no version of it is: the first edit in the portal, or
    // a hand edit since the last one. Restoring it is then one click too.
    const latest = await history.latest();
    if (latest?.hash !== current.version) {
      const summary = latest && current.parse.ok
        ? (() => {
          const before = parseCalendar(latest.text, file);
          return before.ok ? summarizeDiff(diffCalendars(before.calendar, current.parse.calendar)) : 'found on disk';
        })()
        : 'found on disk';
      await history.append({ at, actor: 'file', action: 'found', text: current.text, summary }, latest?.text);
    }
    const before: Calendar | undefined = current.parse.ok ? current.parse.calendar : undefined;
    const summary = before ? summarizeDiff(diffCalendars(before, next.calendar)) : 'replaced an invalid file';

    const { mode } = await stat(file);
    await writeFileDurable(file, request.text, mode & 0o777);
    const version = await history.append({
      at, actor: request.actor, action: request.restoredFrom ? 'restore' : 'save', text: request.text, summary,
      ...(request.restoredFrom ? { restoredFrom: request.restoredFrom } : {}),
    }, current.text);
    await audit(request.actor, action, request.requestId, {
      outcome: 'saved', version: version.id, summary, ...(request.restoredFrom ? { restoredFrom: request.restoredFrom } : {}),
    });
    // The calendar in force follows the file now, not after the watcher's debounce.
    await deps.source.reload();
    return { ok: true, version };
  }

  let queue: Promise<unknown> = Promise.resolve();
  return {
    file,
    read,
    history,
    save(request) {
      const run = queue.then(() => saveNow(request));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
