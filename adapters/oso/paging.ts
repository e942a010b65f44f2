/**
 * Keyset paging over lists sorted by id. The cursor names the list and the last id served, so a
 * page boundary survives the folder changing between two pages: nothing is served twice, and
 * paging always ends.
 */
import { SisError, type Page, type TestResult } from '../contract/index.ts';

interface CursorBody {
  list: string;
  after: string;
}

function decode(list: string, cursor: string): string {
  let body: Partial<CursorBody> | undefined;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
  } catch {
    body = undefined;
  }
  if (!body || body.list !== list || typeof body.after !== 'string') {
    throw new SisError('SIS_NOT_FOUND', { message: `Unknown page cursor for ${list}` });
  }
  return body.after;
}

/** One page of `items` (sorted by id, ascending); `next` only when more items follow. */
export function pageById<T extends { id: string }>(list: string, items: readonly T[], pageSize: number, cursor?: string): Page<T> {
  const after = cursor === undefined ? undefined : decode(list, cursor);
  const start = after === undefined ? 0 : items.findIndex((item) => item.id > after);
  const rest = start < 0 ? [] : items.slice(start);
  const page: Page<T> = { items: rest.slice(0, pageSize) };
  const last = page.items.at(-1);
  if (rest.length > pageSize && last) {
    page.next = Buffer.from(JSON.stringify({ list, after: last.id } satisfies CursorBody), 'utf8').toString('base64url');
  }
  return page;
}

/** Code-unit order, the order the contract compares ids in. */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Date, then id, compared as code units: the order the contract asks of listResults. */
export function byDateThenId(a: TestResult, b: TestResult): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return byId(a, b);
}
