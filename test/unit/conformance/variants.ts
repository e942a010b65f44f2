/** Faulty variants of the complete fixture adapter: each breaks what its patch overrides, nothing else. */
import type { Absence, AbsenceRecord, AdapterDeps, AdapterModule, SisAdapter } from '../../../adapters/contract/index.ts';
import complete, { createComplete, type CompleteConfig } from '../../fixtures/adapters/complete/index.ts';

type Patch = (good: SisAdapter, deps: AdapterDeps) => Partial<Record<keyof SisAdapter, unknown>>;

export function variant(patch: Patch, module: Partial<AdapterModule<CompleteConfig>> = {}): AdapterModule<CompleteConfig> {
  return {
    ...complete,
    ...module,
    create(config, deps) {
      const good = createComplete(config, deps);
      return { ...good, ...patch(good, deps) } as SisAdapter;
    },
  };
}

export { complete };

/** The dated records of an answer (the complete fixture gives no summaries). */
export function records(list: Absence[]): AbsenceRecord[] {
  return list.filter((a) => a.kind !== 'summary');
}
