/**
 * Counts and times every SIS data call of one adapter, wrapped once where the stack is built (as
 * the deadline is, gateway/adapters/deadline.ts), outside the deadline so a call it cut off counts
 * as the SIS_UNAVAILABLE it became. Health checks are not data calls and are not counted.
 */
import { isSisError, type SisAdapter } from '../../adapters/contract/index.ts';
import { wrapDataMethods } from '../adapters/wrap-methods.ts';
import type { Metrics } from './registry.ts';

export function withSisMetrics<A extends SisAdapter>(adapter: A, metrics: Pick<Metrics, 'sisCall'>): A {
  return wrapDataMethods(adapter, (method, call) => async (...args) => {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const value = await call(...args);
      metrics.sisCall(adapter.name, method, seconds());
      return value;
    } catch (err) {
      metrics.sisCall(adapter.name, method, seconds(), isSisError(err) ? err.code : 'UNEXPECTED');
      throw err;
    }
  });
}
