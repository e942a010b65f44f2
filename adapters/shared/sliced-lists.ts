/**
 * A worker's result with its long lists cut out and serialised in parts, and put together again
 * on the main thread one part per turn of the event loop. Receiving a structured clone is one
 * uninterrupted block for the receiver — 100 ms and more for 1,500 dossiers on a busy core — while
 * a part of about 128 KiB reads back in a few ms. The serialisation is V8's, the same as
 * postMessage's, so the value arrives as it would have whole.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { deserialize, serialize } from 'node:v8';

/** A list taken out of the result: where it goes, and its items serialised in parts. */
export interface SlicedList {
  path: string[];
  parts: Uint8Array[];
}

export interface SlicedValue {
  reply: { head: Uint8Array; lists: SlicedList[] };
  /** The buffers to transfer rather than copy. */
  transfer: ArrayBuffer[];
}

/** About this many bytes of serialised items per part. */
export const PART_BYTES = 128 * 1024;

/**
 * The lists at `paths` (dotted: "value.leerlingen") cut out of `value`, which is left as it is; a
 * path that does not lead to an array (a fault has no pupils) is skipped. Undefined when none is.
 */
export function sliceLists(value: unknown, paths: readonly string[], partBytes = PART_BYTES): SlicedValue | undefined {
  const lists: SlicedList[] = [];
  let head = value;
  for (const dotted of paths) {
    const path = dotted.split('.');
    const cut = (node: unknown, depth: number): unknown => {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
      const key = path[depth]!;
      const inner = (node as Record<string, unknown>)[key];
      if (depth === path.length - 1) {
        if (!Array.isArray(inner)) return undefined;
        lists.push({ path, parts: partsOf(inner, partBytes) });
        return { ...node, [key]: [] };
      }
      const copied = cut(inner, depth + 1);
      // Shallow copies along the path only: the rest of the result is serialised as it is.
      return copied === undefined ? undefined : { ...node, [key]: copied };
    };
    head = cut(head, 0) ?? head;
  }
  if (lists.length === 0) return undefined;
  const reply = { head: serialize(head), lists };
  const transfer = [reply.head, ...lists.flatMap((l) => l.parts)]
    .filter((b) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength)
    .map((b) => b.buffer as ArrayBuffer);
  return { reply, transfer };
}

/** The items serialised in parts of about `partBytes`, the item count adjusted as it goes. */
function partsOf(items: readonly unknown[], partBytes: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let count = 16;
  for (let start = 0; start < items.length;) {
    const part = serialize(items.slice(start, start + count));
    parts.push(part);
    start += count;
    count = Math.max(1, Math.round((count * partBytes) / Math.max(1, part.length)));
  }
  return parts;
}

/** The value again: the head, then each part of each list after a turn of the event loop. */
export async function assembleLists(head: Uint8Array, lists: readonly SlicedList[], pause: () => Promise<unknown> = nextTurn): Promise<unknown> {
  const value = deserialize(head) as unknown;
  for (const { path, parts } of lists) {
    const items: unknown[] = [];
    for (const part of parts) {
      await pause();
      for (const item of deserialize(part) as unknown[]) items.push(item);
    }
    const parent = path.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, value as Record<string, unknown>);
    parent[path.at(-1)!] = items;
  }
  return value;
}
