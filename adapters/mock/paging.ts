/**
 * Opaque page cursors: base64url of a small JSON object naming the list and the offset. A
 * cursor from one list is refused by another.
 */
import { SisError, type Page } from '../contract/index.ts';

interface CursorBody {
  list: string;
  offset: number;
}

function encode(body: CursorBody): string {
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

function decode(list: string, cursor: string): number {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    body = undefined;
  }
  const b = body as Partial<CursorBody> | undefined;
  if (!b || b.list !== list || !Number.isSafeInteger(b.offset) || (b.offset as number) < 0) {
    // No error code means "bad cursor"; the page it names does not exist.
    throw new SisError('SIS_NOT_FOUND', { message: `Unknown page cursor for ${list}` });
  }
  return b.offset as number;
}

/** One page of `items`; `next` only when more items follow. */
export function pageOf<T>(list: string, items: readonly T[], pageSize: number, cursor?: string): Page<T> {
  const offset = cursor === undefined ? 0 : decode(list, cursor);
  const end = offset + pageSize;
  const page: Page<T> = { items: items.slice(offset, end) };
  if (end < items.length) page.next = encode({ list, offset: end });
  return page;
}
