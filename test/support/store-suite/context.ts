import { expect } from 'chai';
import { isStoreError } from '../../../gateway/store/types.ts';
import type { Store, StoreErrorCode } from '../../../gateway/store/types.ts';

type Hook = () => Promise<void> | void;

/** The runner functions the suite needs; mocha's globals fit, and so do node:test's. */
export interface SuiteRunner {
  describe(title: string, fn: () => void): unknown;
  it(title: string, fn: () => Promise<void> | void): unknown;
  beforeEach(fn: Hook): unknown;
  afterEach(fn: Hook): unknown;
}

export interface SuiteContext extends SuiteRunner {
  /** The store of the running test. */
  store(): Store;
  /** Closes the current store and opens a new instance over its data (persistent stores only). */
  reopen(): Promise<Store>;
}

export async function expectStoreError(promise: Promise<unknown>, code: StoreErrorCode): Promise<void> {
  let failure: unknown;
  try {
    await promise;
  } catch (err) {
    failure = err;
  }
  expect(failure, `expected StoreError ${code}`).to.be.instanceOf(Error);
  expect(isStoreError(failure, code), `expected StoreError ${code}, got ${String(failure)}`).to.equal(true);
}

export function expectThrowsStoreError(fn: () => unknown, code: StoreErrorCode): void {
  let failure: unknown;
  try {
    fn();
  } catch (err) {
    failure = err;
  }
  expect(isStoreError(failure, code), `expected StoreError ${code}, got ${String(failure)}`).to.equal(true);
}
