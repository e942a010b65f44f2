/** The store `store.kind` names, built (not opened) from the config. */
import type { Clock } from '../../adapters/contract/adapter.ts';
import type { Config } from '../config/index.ts';
import { createLowdbStore } from './lowdb/index.ts';
import type { StoreLogger } from './lowdb/store-logger.ts';
import { createPostgresStore } from './postgres/index.ts';
import type { ThrottleState } from '../auth/throttle-state.ts';
import type { PostgresStore } from './postgres/index.ts';
import type { Store } from './types.ts';

/** Counters every instance shares (PostgreSQL); undefined where each process keeps its own. */
export function sharedCountersOf(store: Store): ThrottleState | undefined {
  return store.kind === 'postgres' ? (store as PostgresStore).counters : undefined;
}

export function createStoreFromConfig(config: Config, base: { clock: Clock; logger: StoreLogger }): Store {
  const { store } = config;
  if (store.kind === 'postgres') {
    // The schema refuses kind postgres without a URL; this only narrows the type.
    if (!store.postgres.url) throw new Error('store.postgres.url: set OUDERPOORT_DATABASE_URL');
    return createPostgresStore({ url: store.postgres.url, poolSize: store.postgres.poolSize, clock: base.clock, logger: base.logger });
  }
  return createLowdbStore({ dir: store.lowdb.dir, clock: base.clock, logger: base.logger });
}
