/** Shared helpers for the mock adapter's unit tests. */
import type { Page } from '../../../adapters/contract/index.ts';
import { loadSchool, type SchoolView } from '../../../adapters/mock/data/school-view.ts';
import type { SchoolOptions } from '../../../adapters/mock/data/school.ts';

export const DEFAULT_OPTIONS: SchoolOptions = Object.freeze({ seed: 20262027, pupils: 200, schoolYear: '2026-2027' });

export function demoSchool(): SchoolView {
  return loadSchool(DEFAULT_OPTIONS);
}

/** Follows `next` to the end; fails after `maxPages` so a looping cursor cannot hang a test. */
export async function allPages<T>(list: (cursor?: string) => Promise<Page<T>>, maxPages = 100): Promise<{ items: T[]; pages: Page<T>[] }> {
  const pages: Page<T>[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    pages.push(page);
    cursor = page.next;
    if (pages.length > maxPages) throw new Error('paging did not end');
  } while (cursor !== undefined);
  return { items: pages.flatMap((p) => p.items), pages };
}

export { expectSisError, rejectionOf } from '../../support/sis-errors.ts';
