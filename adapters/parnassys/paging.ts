/**
 * Opaque page cursors for listStudents: base64url of the offset into the id-ordered roster.
 * A cursor we did not write names no page, so it is SIS_NOT_FOUND (as in the mock adapter).
 */
import { SisError, type Page } from '../contract/index.ts';

const messages = {
  badCursor: 'Unknown page cursor for ParnasSys pupils.',
};

interface CursorBody {
  list: 'parnassys-students';
  offset: number;
}

function encode(offset: number): string {
  const body: CursorBody = { list: 'parnassys-students', offset };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

function decode(cursor: string): number {
  let body: Partial<CursorBody> | undefined;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
  } catch {
    body = undefined;
  }
  if (body?.list !== 'parnassys-students' || !Number.isSafeInteger(body.offset) || (body.offset as number) < 0) {
    throw new SisError('SIS_NOT_FOUND', { message: messages.badCursor });
  }
  return body.offset as number;
}

/** One page of `items`; `next` only when more follow. */
export function pageOf<T>(items: readonly T[], pageSize: number, cursor?: string): Page<T> {
  const offset = cursor === undefined ? 0 : decode(cursor);
  const end = offset + pageSize;
  const page: Page<T> = { items: items.slice(offset, end) };
  if (end < items.length) page.next = encode(end);
  return page;
}
