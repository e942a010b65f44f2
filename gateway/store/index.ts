export * from './types.ts';
export { createMemoryStore } from './memory-store.ts';
export { createLowdbStore } from './lowdb/index.ts';
export type { LowdbStore, LowdbStoreOptions, StoreLogger } from './lowdb/index.ts';
