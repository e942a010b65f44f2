import { COLLECTION_NAME, RESERVED_KINDS, StoreError } from '../types.ts';
import { AccountTable } from './account-table.ts';
import { AuditTable } from './audit-table.ts';
import { CacheTable } from './cache-table.ts';
import { DocumentTable } from './document-table.ts';
import { SessionTable } from './session-table.ts';
import type { TableHooks } from './table-hooks.ts';

/** The in-memory state of a store, one table per kind; both store implementations build on it. */
export interface Tables {
  accounts: AccountTable;
  sessions: SessionTable;
  cache: CacheTable;
  audit: AuditTable;
  /** The collection of that name, created empty on first use; INVALID for a bad or reserved name. */
  collection(name: string): DocumentTable<{ id: string }>;
  /** Collections created so far, by name. */
  collections(): ReadonlyMap<string, DocumentTable<{ id: string }>>;
}

export function assertCollectionName(name: string): void {
  if (!COLLECTION_NAME.test(name) || RESERVED_KINDS.includes(name.toLowerCase())) {
    throw new StoreError('INVALID', `Not a usable collection name: ${JSON.stringify(name)}`);
  }
}

/** `hooksFor(kind)` gives each table its hooks; the kind is "accounts", …, or a collection name. */
export function createTables(hooksFor: (kind: string) => TableHooks): Tables {
  const collections = new Map<string, DocumentTable<{ id: string }>>();
  // Two names differing only in case would be one file on a case-insensitive file system.
  const byLowerName = new Map<string, string>();
  return {
    accounts: new AccountTable(hooksFor('accounts')),
    sessions: new SessionTable(hooksFor('sessions')),
    cache: new CacheTable(hooksFor('cache')),
    audit: new AuditTable(hooksFor('audit')),
    collection(name) {
      assertCollectionName(name);
      const existing = collections.get(name);
      if (existing) return existing;
      const clash = byLowerName.get(name.toLowerCase());
      if (clash !== undefined) {
        throw new StoreError('INVALID', `Collection ${name} clashes with ${clash} (names differ only in case)`);
      }
      const table = new DocumentTable<{ id: string }>(hooksFor(name));
      collections.set(name, table);
      byLowerName.set(name.toLowerCase(), name);
      return table;
    },
    collections: () => collections,
  };
}
