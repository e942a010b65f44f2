/**
 * Every version of the calendar file the editor saved (or found on disk when a save began), kept
 * in the store collection "calendarVersions": who, when, the full text (to restore it), a summary
 * by rule id and a readable line diff against the version before. Calendar versions hold no
 * personal data beyond the operator's username, and are kept as long as the calendar is.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createTwoFilesPatch } from 'diff';
import type { DocumentRepo, Store } from '../store/types.ts';

export const HISTORY_COLLECTION = 'calendarVersions';

export interface CalendarVersion {
  id: string;
  /** ISO instant it was written (or found). */
  at: string;
  /** The operator's username; "file" for a version found on disk (a hand edit, or the first one). */
  actor: string;
  action: 'save' | 'restore' | 'found';
  /** sha256 of the text: the version token of the optimistic concurrency check. */
  hash: string;
  text: string;
  /** "added: closure x; changed: open y". */
  summary: string;
  /** Unified diff of the text against the version before (empty for the first). */
  patch: string;
  /** For a restore: the version brought back. */
  restoredFrom?: string;
}

export function versionOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function lineDiff(before: string, after: string): string {
  const lines = createTwoFilesPatch('voor', 'na', before, after, undefined, undefined, { context: 2 }).split('\n');
  const firstHunk = lines.findIndex((line) => line.startsWith('@@'));
  return firstHunk === -1 ? '' : lines.slice(firstHunk).join('\n').trimEnd();
}

export interface CalendarHistory {
  /** Newest first. */
  list(): Promise<CalendarVersion[]>;
  get(id: string): Promise<CalendarVersion | undefined>;
  latest(): Promise<CalendarVersion | undefined>;
  append(entry: Omit<CalendarVersion, 'id' | 'hash' | 'patch'>, previousText: string | undefined): Promise<CalendarVersion>;
}

export function createCalendarHistory(store: Pick<Store, 'collection'>): CalendarHistory {
  const repo: DocumentRepo<CalendarVersion> = store.collection<CalendarVersion>(HISTORY_COLLECTION);
  // Ordered by time, then by the order of writing (ids are random).
  const newestFirst = async () => (await repo.list()).reverse();
  return {
    list: newestFirst,
    get: (id) => repo.get(id),
    async latest() {
      return (await newestFirst())[0];
    },
    async append(entry, previousText) {
      const version: CalendarVersion = {
        ...entry,
        id: randomUUID(),
        hash: versionOf(entry.text),
        patch: previousText === undefined ? '' : lineDiff(previousText, entry.text),
      };
      await repo.put(version);
      return version;
    },
  };
}
