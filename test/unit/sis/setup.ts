/** Builds a SisService over the fakes with short, readable TTLs. */
import { createSisService } from '../../../gateway/sis/sis-service.ts';
import type { RecordKind } from '../../../gateway/sis/types.ts';
import type { Capability, Guardian } from '../../../adapters/contract/index.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import { manualClock } from '../../support/clock.ts';
import { fakeAdapter, guardian, logSink, observedCache, student } from './fakes.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const TTL: Record<RecordKind, number> = {
  student: HOUR,
  guardian: HOUR,
  guardiansOfStudent: HOUR,
  absences: 10 * MINUTE,
  results: 6 * HOUR,
  reports: 6 * HOUR,
  medical: HOUR,
};

export function setup(options: { capabilities?: Capability[]; guardianPages?: Guardian[][]; refreshRetryMs?: number } = {}) {
  const clock = manualClock('2026-11-10T08:00:00Z');
  const store = createMemoryStore();
  const observed = observedCache(store.cache);
  const logger = logSink();
  const sis = fakeAdapter(options);
  sis.students.set('s1', student('s1'));
  sis.students.set('s2', student('s2', 'Daan'));
  sis.guardians.set('g1', guardian('g1', 's1'));
  const service = createSisService({
    adapter: sis.adapter,
    cache: observed.cache,
    clock,
    logger,
    ttl: TTL,
    staleMaxAgeMs: 7 * DAY,
    refreshRetryMs: options.refreshRetryMs ?? MINUTE,
  });
  return { clock, store, cache: observed, logger, sis, service };
}

/** Lets pending promise callbacks and rejection tracking run (not a wait for time: the clock is manual). */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
