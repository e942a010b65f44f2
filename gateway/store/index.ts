export * from './types.ts';
export { createMemoryStore } from './memory-store.ts';
export { createLowdbStore } from './lowdb/index.ts';
export type { LowdbStore, LowdbStoreOptions, StoreLogger } from './lowdb/index.ts';
export { createPostgresStore } from './postgres/index.ts';
export type { PostgresStore, PostgresStoreOptions } from './postgres/index.ts';
export { createStoreFromConfig } from './from-config.ts';
