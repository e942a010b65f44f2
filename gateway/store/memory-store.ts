import { StoreError } from './types.ts';
import type { DocumentRepo, Store } from './types.ts';
import { createTables } from './tables/tables.ts';

/**
 * A store that lives in memory only: for unit tests, and the reference implementation the
 * conformance suite is proven against. It is open from the start (open() is a no-op that may be
 * called anyway); after close() every call rejects with CLOSED until open() is called again.
 * It takes no lock and persists nothing, so data is gone with the instance.
 */
export function createMemoryStore(): Store {
  let open = true;
  const hooks = {
    assertOpen(): void {
      if (!open) throw new StoreError('CLOSED', 'The memory store is closed');
    },
    beforeWrite(): void {
      hooks.assertOpen();
    },
    changed(): void {},
  };
  const tables = createTables(() => hooks);
  return {
    kind: 'memory',
    accounts: tables.accounts,
    sessions: tables.sessions,
    cache: tables.cache,
    audit: tables.audit,
    collection<T extends { id: string }>(name: string): DocumentRepo<T> {
      return tables.collection(name) as unknown as DocumentRepo<T>;
    },
    async open() {
      open = true;
    },
    async flush() {},
    // Memory never fails to keep what it was given.
    health: () => ({ ok: true, kinds: [] }),
    async close() {
      open = false;
    },
  };
}
