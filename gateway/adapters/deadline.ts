/**
 * A deadline for the whole of every SIS call of one adapter. An HTTP client's timeout fires only on
 * an idle socket, so an answer that trickles in a byte at a time never ends; every parent waiting
 * on that record would wait with it. Past the deadline the call fails as SIS_UNAVAILABLE (the
 * cache then serves what it has), and its waiters are released; the adapter's own request may
 * still run until its own limits end it, but nobody waits for it.
 */
import { SisError, type SisAdapter } from '../../adapters/contract/index.ts';
import { wrapDataMethods } from './wrap-methods.ts';

export function withDeadline<A extends SisAdapter>(adapter: A, deadlineMs: number): A {
  return wrapDataMethods(adapter, (name, call) => (...args) => beforeDeadline(() => call(...args), deadlineMs, `${adapter.name}.${name}`));
}

function beforeDeadline<T>(call: () => Promise<T>, deadlineMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new SisError('SIS_UNAVAILABLE', { message: `${what} did not finish within its deadline of ${deadlineMs} ms` }));
    }, deadlineMs);
    call().then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
