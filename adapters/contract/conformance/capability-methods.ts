/** Which adapter methods each capability promises; an adapter has a method exactly when a capability asks for it. */
import { METHODS_BY_CAPABILITY, type AdapterMethod, type SisAdapter } from '../index.ts';
import { fail, preview } from './checks.ts';

export { METHODS_BY_CAPABILITY, type AdapterMethod };

export const CAPABILITY_METHODS: readonly AdapterMethod[] = [...new Set(Object.values(METHODS_BY_CAPABILITY).flat())];

/** The built adapter's capabilities as an array; fails unless they are a Set-like collection. */
export function capabilitiesOf(adapter: SisAdapter): string[] {
  const caps: unknown = adapter.capabilities;
  const isSet = typeof caps === 'object' && caps !== null && typeof (caps as Set<unknown>).has === 'function'
    && typeof (caps as Set<unknown>)[Symbol.iterator] === 'function';
  if (!isSet) fail(`adapter.capabilities is ${preview(caps)}; expected a Set of capability names`);
  return [...(caps as Iterable<string>)];
}
