/** Assertions on coded SIS errors, shared by the adapters' unit tests. */
import { expect } from 'chai';
import { isSisError, type SisError, type SisErrorCode } from '../../adapters/contract/index.ts';

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

export async function expectSisError(promise: Promise<unknown> | undefined, code: SisErrorCode): Promise<SisError> {
  const err = await rejectionOf(promise);
  expect(isSisError(err, code), `expected ${code}, got ${String(err)}`).to.equal(true);
  return err as SisError;
}
