/**
 * A deadline for the whole of every SIS call of one adapter. An HTTP client's timeout fires only on
 * an idle socket, so an answer that trickles in a byte at a time never ends; every parent waiting
 * on that record would wait with it. Past the deadline the call fails as SIS_UNAVAILABLE (the
 * cache then serves what it has), and its waiters are released; the adapter's own request may
 * still run until its own limits end it, but nobody waits for it.
 */
import { CAPABILITIES, METHODS_BY_CAPABILITY, SisError, type SisAdapter } from '../../adapters/contract/index.ts';

/** Every method a capability may bring; health checks and close() are not calls for data. */
const DATA_METHODS = [...new Set(CAPABILITIES.flatMap((c) => METHODS_BY_CAPABILITY[c]))];

export function withDeadline<A extends SisAdapter>(adapter: A, deadlineMs: number): A {
  const guarded = Object.create(adapter) as A;
  for (const name of DATA_METHODS) {
    const method = (adapter as unknown as Record<string, unknown>)[name];
    if (typeof method !== 'function') continue;
    Object.defineProperty(guarded, name, {
      value: (...args: unknown[]) => beforeDeadline(
        () => (method as (...a: unknown[]) => Promise<unknown>).apply(adapter, args), deadlineMs, `${adapter.name}.${name}`,
      ),
    });
  }
  return guarded;
}

function beforeDeadline<T>(call: () => Promise<T>, deadlineMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new SisError('SIS_UNAVAILABLE', { message: `${what} did not finish within its deadline of ${deadlineMs} ms` }));
    }, deadlineMs);
    call().then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
