import type { AdapterLogger } from '../../../adapters/contract/adapter.ts';

/** The slice of a logger the lowdb store uses (pino satisfies it). */
export type StoreLogger = Pick<AdapterLogger, 'debug' | 'warn' | 'error'>;
