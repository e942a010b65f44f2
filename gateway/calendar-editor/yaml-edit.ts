/**
 * Edits calendar YAML the way a careful person would by hand: only the text of the nodes that
 * change is rewritten, every other byte of the file (comments, blank lines, key order, quoting,
 * folded reasons) stays as it was. yaml's Document API finds the nodes and their source ranges and
 * writes the new nodes; the edit splices that text into the original.
 *
 * - put an existing rule: key by key, a changed value is rewritten in place, a dropped key's lines
 *   go, a new key is added after the rule's last key;
 * - put a new rule: appended to its list (the list is created at the end of the file if missing);
 * - remove a rule: its lines go, with the comment lines directly above it (they describe it).
 */
import { Document, isMap, isScalar, isSeq, parseDocument, visit, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { RuleList } from '../policy/calendar-diff.ts';

export type { RuleList };

export type CalendarEdit =
  | { kind: 'put'; list: RuleList; /** The id of the rule being changed; absent: a new rule. */ id?: string; rule: Record<string, unknown> }
  | { kind: 'remove'; list: RuleList; id: string };

/** The edit cannot be made to this text: the rule is gone (stale form) or the file cannot be read. */
export class CalendarEditError extends Error {
  readonly code: 'NOT_FOUND' | 'UNREADABLE';
  constructor(code: 'NOT_FOUND' | 'UNREADABLE', message: string) {
    super(message);
    this.name = 'CalendarEditError';
    this.code = code;
  }
}

interface Splice { start: number; end: number; text: string }

type Range = [number, number, number];
const rangeOf = (node: unknown): Range => (node as { range: Range }).range;

/** A value as YAML text without a trailing newline; lists of scalars in flow style ([5, 6, 7]). */
export function yamlText(value: unknown): string {
  const doc = new Document(value);
  visit(doc, {
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The end of a node's own text: its range without the trailing line breaks a block value takes. */
function contentEnd(text: string, node: unknown): number {
  const [start, end] = rangeOf(node);
  let at = end;
  while (at > start && /\s/.test(text[at - 1] as string)) at -= 1;
  return at;
}

/** The offset just past the line break ending the line that holds `offset` (or the text's end). */
function pastLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

function indentLines(block: string, width: number): string {
  return block.split('\n').map((line, i) => (i === 0 || line === '' ? line : ' '.repeat(width) + line)).join('\n');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function applySplices(text: string, splices: Splice[]): string {
  let out = text;
  for (const s of [...splices].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

function listPair(doc: Document, list: RuleList): Pair | undefined {
  if (!isMap(doc.contents)) throw new CalendarEditError('UNREADABLE', 'the calendar file is not a map of settings');
  return doc.contents.items.find((p) => isScalar(p.key) && p.key.value === list) as Pair | undefined;
}

function findItem(seq: YAMLSeq, id: string): number {
  return seq.items.findIndex((item) => isMap(item) && (item as YAMLMap).get('id') === id);
}

/** The edited rule, key by key, in place. */
function putExisting(text: string, item: YAMLMap, rule: Record<string, unknown>): Splice[] {
  if (item.flow) {
    const [start] = rangeOf(item);
    return [{ start, end: contentEnd(text, item), text: indentLines(yamlText(rule), column(text, start)) }];
  }
  const pairs = item.items as Pair[];
  const splices: Splice[] = [];
  const kept = pairs.filter((p) => isScalar(p.key) && String(p.key.value) in rule);
  for (const pair of pairs) {
    const key = String((pair.key as { value: unknown }).value);
    const keyStart = rangeOf(pair.key)[0];
    const end = pair.value ? contentEnd(text, pair.value) : rangeOf(pair.key)[1];
    if (!(key in rule)) {
      splices.push({ start: lineStart(text, keyStart), end: pastLine(text, end), text: '' });
    } else if (isMap(pair.value) && !pair.value.flow && isPlainObject(rule[key])) {
      // A nested map (a reason): only its changed keys are rewritten.
      splices.push(...putExisting(text, pair.value, rule[key]));
    } else if (!same((pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null, rule[key])) {
      splices.push({ start: keyStart, end, text: indentLines(yamlText({ [key]: rule[key] }), column(text, keyStart)) });
    }
  }
  const added = Object.keys(rule).filter((key) => !pairs.some((p) => isScalar(p.key) && String(p.key.value) === key));
  const anchor = kept.at(-1);
  if (added.length > 0 && anchor) {
    const at = anchor.value ? contentEnd(text, anchor.value) : rangeOf(anchor.key)[1];
    const width = column(text, rangeOf(anchor.key)[0]);
    const block = added.map((key) => indentLines(yamlText({ [key]: rule[key] }), width)).join(`\n${' '.repeat(width)}`);
    splices.push({ start: at, end: at, text: `\n${' '.repeat(width)}${block}` });
  }
  return splices;
}

/** Replaces a list's value (empty, null or in flow style) with a block list of `rules`. */
function rewriteList(text: string, pair: Pair, rules: unknown[]): Splice {
  const keyStart = rangeOf(pair.key)[0];
  const colon = text.indexOf(':', rangeOf(pair.key)[1]);
  const end = pair.value && rangeOf(pair.value)[1] > colon ? contentEnd(text, pair.value) : colon + 1;
  const dash = column(text, keyStart) + 2;
  if (rules.length === 0) return { start: colon + 1, end, text: ' []' };
  const items = rules.map((rule) => `${' '.repeat(dash)}- ${indentLines(yamlText(rule), dash + 2)}`);
  return { start: colon + 1, end, text: `\n${items.join('\n')}` };
}

export function applyEdit(text: string, edit: CalendarEdit): string {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) throw new CalendarEditError('UNREADABLE', 'the calendar file is not valid YAML');
  const pair = listPair(doc, edit.list);
  const seq = pair?.value;
  const block = isSeq(seq) && !seq.flow && seq.items.length > 0 ? seq : undefined;
  const index = edit.kind === 'remove' || edit.id !== undefined ? (block ? findItem(block, edit.kind === 'remove' ? edit.id : edit.id as string) : -1) : -1;
  const wantsExisting = edit.kind === 'remove' || edit.id !== undefined;
  if (wantsExisting && index === -1) {
    const id = edit.kind === 'remove' ? edit.id : edit.id;
    // A flow list can still hold it: rewritten as a whole below.
    const flowItems = isSeq(seq) ? (seq.toJSON() as Array<{ id?: unknown }>) : [];
    if (!flowItems.some((rule) => rule?.id === id)) throw new CalendarEditError('NOT_FOUND', `no ${edit.list} rule "${id}" in the file`);
  }

  if (!pair) {
    if (edit.kind === 'remove') throw new CalendarEditError('NOT_FOUND', `no ${edit.list} in the file`);
    const lead = text === '' || text.endsWith('\n') ? '' : '\n';
    return `${text}${lead}${edit.list}:\n  - ${indentLines(yamlText(edit.rule), 4)}\n`;
  }
  if (!block) {
    const rules = isSeq(seq) ? (seq.toJSON() as Array<{ id?: unknown }>) : [];
    const next = edit.kind === 'remove'
      ? rules.filter((rule) => rule?.id !== edit.id)
      : edit.id !== undefined ? rules.map((rule) => (rule?.id === edit.id ? edit.rule : rule)) : [...rules, edit.rule];
    return applySplices(text, [rewriteList(text, pair, next)]);
  }

  const item = block.items[index];
  if (edit.kind === 'put' && edit.id !== undefined) return applySplices(text, putExisting(text, item as YAMLMap, edit.rule));
  if (edit.kind === 'put') {
    const last = block.items.at(-1);
    const lastStart = rangeOf(last)[0];
    const dashAt = text.lastIndexOf('-', lastStart);
    const dash = column(text, dashAt);
    const at = contentEnd(text, last);
    // Rules the file separates by a blank line get one too.
    const previous = block.items.at(-2);
    const spaced = previous !== undefined && text.slice(contentEnd(text, previous), dashAt).includes('\n\n');
    const gap = spaced ? '\n' : '';
    return applySplices(text, [{ start: at, end: at, text: `\n${gap}${' '.repeat(dash)}- ${indentLines(yamlText(edit.rule), dash + 2)}` }]);
  }
  // Remove: the only rule leaves an empty list; otherwise its lines and the comment lines above it.
  if (block.items.length === 1) return applySplices(text, [rewriteList(text, pair, [])]);
  const dashAt = text.lastIndexOf('-', rangeOf(item)[0]);
  const dash = column(text, dashAt);
  let start = lineStart(text, dashAt);
  for (;;) {
    if (start === 0) break;
    const prev = lineStart(text, start - 1);
    const line = text.slice(prev, start - 1);
    if (!(line.trimStart().startsWith('#') && line.length - line.trimStart().length === dash)) break;
    start = prev;
  }
  let end = pastLine(text, contentEnd(text, item));
  // No double blank line where the rule was: a blank line before it and one after it become one.
  const blankBefore = start >= 2 && text.slice(lineStart(text, start - 1), start - 1).trim() === '';
  const nextLineEnd = pastLine(text, end);
  const blankAfter = end >= text.length || text.slice(end, nextLineEnd).trim() === '';
  if ((blankBefore || index === 0) && blankAfter && end < text.length) end = nextLineEnd;
  return applySplices(text, [{ start, end, text: '' }]);
}
