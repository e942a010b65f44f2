/**
 * The mock SIS seen through a test's hand: every method call recorded, or one method's answer
 * changed (a pupil's teachers without an e-mail address, an address the administration has since
 * typed in), without a second adapter to keep in step with the mock.
 */
import type { SisAdapter } from '../../adapters/contract/index.ts';
import mockModule from '../../adapters/mock/index.ts';
import type { ImportModule } from '../../gateway/adapters/load-adapters.ts';

/** The names of the adapter's methods (healthCheck and the optional capability methods). */
export type SisMethod = {
  [K in keyof SisAdapter]-?: NonNullable<SisAdapter[K]> extends (...args: never[]) => unknown ? K : never;
}[keyof SisAdapter];

type AnswerOf<M extends SisMethod> = NonNullable<SisAdapter[M]> extends (...args: never[]) => infer R ? Awaited<R> : never;

/**
 * The adapter with every method call passed through `through`, which may look at it and must
 * `call()` it for the adapter's own answer. Other properties (name, capabilities) read through
 * unchanged, and a method the adapter lacks stays missing, since the gateway decides by presence.
 */
export function interceptCalls(
  adapter: SisAdapter,
  through: (method: string, args: unknown[], call: () => unknown) => unknown,
): SisAdapter {
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => through(prop, args, () => (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
}

/** The adapter with `method`'s answer replaced by `transform` of it; the other methods as they are. */
export function withAnswer<M extends SisMethod>(
  adapter: SisAdapter, method: M, transform: (answer: AnswerOf<M>) => AnswerOf<M>,
): SisAdapter {
  return interceptCalls(adapter, (name, _args, call) => (
    name === method ? (async () => transform(await (call() as Promise<AnswerOf<M>>)))() : call()
  ));
}

/** An importModule override that builds the mock adapter through `wrap`; other adapters load as usual. */
export function mockImportWith(wrap: (adapter: SisAdapter) => SisAdapter): ImportModule {
  return async (spec) => (spec.includes('mock')
    ? { default: { ...mockModule, create: (config, deps) => wrap(mockModule.create(config, deps)) } satisfies typeof mockModule }
    : import(spec));
}
