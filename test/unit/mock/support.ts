/** Shared helpers for the mock adapter's unit tests. */
import { expect } from 'chai';
import { isSisError, type Page, type SisErrorCode } from '../../../adapters/contract/index.ts';
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

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown> | undefined): Promise<unknown> {
  if (!promise) throw new Error('no promise: the method is missing');
  try {
    await promise;
  } catch (err) {
    return err;
  }
  expect.fail('expected a rejection, but the call resolved');
}

export async function expectSisError(promise: Promise<unknown> | undefined, code: SisErrorCode): Promise<void> {
  const err = await rejectionOf(promise);
  expect(isSisError(err, code), `expected ${code}, got ${String(err)}`).to.equal(true);
}
