/**
 * Reads calendar YAML into a validated Calendar, or into problems that each name the file, the
 * line and the key to fix: a zod issue's path is walked through the YAML document to the node it
 * points at (the key itself where it exists, else the nearest enclosing node).
 * Values are never echoed in problems.
 */
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { formatPath } from '../config/issues.ts';
import { calendarSchema } from './calendar-schema.ts';
import type { Calendar } from './calendar-types.ts';

export interface CalendarIssue {
  file: string;
  /** 1-based; absent when the problem has no place in the file (it cannot be read). */
  line?: number;
  column?: number;
  /** The key path, e.g. "closures[0].reopensOn"; "(file)" or "(syntax)" for problems of the file. */
  key: string;
  message: string;
}

export type CalendarParse =
  | { ok: true; calendar: Calendar }
  | { ok: false; issues: CalendarIssue[] };

/** An invalid calendar file; recognise it by `code`. */
export class CalendarError extends Error {
  readonly code = 'CALENDAR_INVALID' as const;
  readonly file: string;
  readonly issues: readonly CalendarIssue[];

  constructor(file: string, issues: readonly CalendarIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(`Invalid calendar ${file} (${count}):\n${issues.map((i) => `  - ${describeIssue(i)}`).join('\n')}`);
    this.name = 'CalendarError';
    this.file = file;
    this.issues = Object.freeze([...issues]);
  }
}

export function isCalendarError(err: unknown): err is CalendarError {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'CALENDAR_INVALID';
}

/** "calendar.yaml:12:5 closures[0].reopensOn: must be after from". */
export function describeIssue(issue: CalendarIssue): string {
  const place = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}${issue.column ? `:${issue.column}` : ''}`;
  return `${place} ${issue.key}: ${issue.message}`;
}

type Range = readonly [number, number, number];

/** The source offset of the key or node a path points at, as deep as the document goes. */
function offsetOf(doc: Document, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let offset = (node as { range?: Range } | null)?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      offset = (pair.key as { range?: Range }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as { range?: Range } | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

interface ZodIssueLike {
  code?: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  input?: unknown;
}

function messageOf(issue: ZodIssueLike): string {
  const message = issue.message.replace(/^Invalid (input|option): /, '');
  if ('input' in issue && issue.input === undefined) return `missing (${message.replace(/, received undefined$/, '')})`;
  return message;
}

export function parseCalendar(text: string, file: string): CalendarParse {
  // An editor that truncates before it writes leaves this; taken as a calendar it would close all.
  if (text.split('\n').every((line) => line.trim() === '' || line.trim().startsWith('#'))) {
    return { ok: false, issues: [{ file, key: '(file)', message: 'the calendar file is empty' }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const syntax = [...doc.errors, ...doc.warnings];
  if (syntax.length > 0) {
    return {
      ok: false,
      issues: syntax.map((err) => ({
        file,
        ...(err.linePos ? { line: err.linePos[0].line, column: err.linePos[0].col } : {}),
        key: '(syntax)',
        message: (err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, ''),
      })),
    };
  }
  const data: unknown = doc.toJS() ?? {};
  const parsed = calendarSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return { ok: true, calendar: parsed.data };

  const at = (path: readonly PropertyKey[]) => {
    const offset = offsetOf(doc, path);
    if (offset === undefined) return {};
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const issues = (parsed.error.issues as ZodIssueLike[]).flatMap((issue): CalendarIssue[] => {
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        return { file, ...at(path), key: formatPath(path), message: 'unknown key' };
      });
    }
    return [{ file, ...at(issue.path), key: formatPath(issue.path) || '(top level)', message: messageOf(issue) }];
  });
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ok: false, issues };
}

/** Reads and validates a calendar file; a file that cannot be read is one problem, not a throw. */
export function readCalendarFile(file: string): CalendarParse {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'read error';
    return { ok: false, issues: [{ file, key: '(file)', message: `cannot read the calendar file (${code})` }] };
  }
  return parseCalendar(text, file);
}

/** Reads a calendar file or throws CalendarError naming every problem. */
export function loadCalendarFile(file: string): Calendar {
  const result = readCalendarFile(file);
  if (!result.ok) throw new CalendarError(file, result.issues);
  return result.calendar;
}
