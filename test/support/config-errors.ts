/** Assertions on ConfigError, shared by the config and adapter-loading tests. */
import { expect } from 'chai';
import { isConfigError, type ConfigError } from '../../gateway/config/index.ts';

/** The ConfigError `fn` throws; fails the test if it throws nothing or something else. */
export function configErrorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(isConfigError(err), String(err)).to.equal(true);
    return err as ConfigError;
  }
  expect.fail('expected a ConfigError');
}

/** The same for a promise that must reject with a ConfigError. */
export async function configRejectionOf(promise: Promise<unknown>): Promise<ConfigError> {
  try {
    await promise;
  } catch (err) {
    expect(isConfigError(err), String(err)).to.equal(true);
    return err as ConfigError;
  }
  expect.fail('expected a ConfigError');
}

export const problemsOf = (fn: () => unknown): readonly string[] => configErrorOf(fn).problems;
