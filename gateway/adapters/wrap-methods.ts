/**
 * One way to put behaviour around every data method of an adapter or stack (the deadline, the
 * circuit breaker, the metrics): a new object whose prototype is the original, with each data
 * method the original has replaced by its wrapped call. Health checks and close() are not calls
 * for data and stay as they are.
 */
import { CAPABILITIES, METHODS_BY_CAPABILITY } from '../../adapters/contract/index.ts';

/** Every method a capability may bring. */
export const DATA_METHODS = [...new Set(CAPABILITIES.flatMap((c) => METHODS_BY_CAPABILITY[c]))];

type Call = (...args: unknown[]) => Promise<unknown>;

export function wrapDataMethods<T extends object>(target: T, wrap: (method: string, call: Call) => Call): T {
  const wrapped = Object.create(target) as T;
  for (const name of DATA_METHODS) {
    const method = (target as Record<string, unknown>)[name];
    if (typeof method !== 'function') continue;
    const call: Call = (...args) => (method as Call).apply(target, args);
    Object.defineProperty(wrapped, name, { value: wrap(name, call) });
  }
  return wrapped;
}
