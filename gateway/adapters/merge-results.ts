/**
 * `listResults` across a stack: 'results.method' and 'results.lvs' may be served by different
 * adapters. Each serving adapter is asked once, its answer cut to the kinds of the capabilities it
 * serves (an adapter's method results are ignored when an earlier adapter serves method results),
 * and the union is ordered by date, then id, as the contract requires.
 */
import {
  RESULT_KINDS_BY_CAPABILITY, type Capability, type ResultKind, type SisAdapter, type TestResult,
} from '../../adapters/contract/index.ts';

const RESULT_CAPABILITIES = Object.keys(RESULT_KINDS_BY_CAPABILITY) as Array<keyof typeof RESULT_KINDS_BY_CAPABILITY>;

export function byDateThenId(a: TestResult, b: TestResult): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

type ListResults = NonNullable<SisAdapter['listResults']>;

/** The composite listResults, or undefined when no adapter serves any results capability. */
export function mergedListResults(serving: ReadonlyMap<Capability, SisAdapter>): ListResults | undefined {
  const kindsByAdapter = new Map<SisAdapter, Set<ResultKind>>();
  for (const capability of RESULT_CAPABILITIES) {
    const adapter = serving.get(capability);
    if (!adapter) continue;
    const kinds = kindsByAdapter.get(adapter) ?? new Set<ResultKind>();
    for (const kind of RESULT_KINDS_BY_CAPABILITY[capability]) kinds.add(kind);
    kindsByAdapter.set(adapter, kinds);
  }
  if (kindsByAdapter.size === 0) return undefined;

  return async (studentId, options) => {
    const lists = await Promise.all(
      [...kindsByAdapter].map(async ([adapter, kinds]) => {
        const results = await adapter.listResults!(studentId, options);
        return results.filter((result) => kinds.has(result.kind));
      }),
    );
    return lists.flat().sort(byDateThenId);
  };
}
