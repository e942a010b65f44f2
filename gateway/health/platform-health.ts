/**
 * How the portal's own parts stand, for /beheer/status and /readyz: the store's writes per kind and
 * the SIS circuit. Built from two small functions so neither page needs the services.
 * No file names or paths: those are in the log only.
 */
import type { StoreHealth } from '../store/types.ts';

export type CircuitState = 'closed' | 'open' | 'halfOpen';

export interface CircuitReport {
  state: CircuitState;
  /** When the circuit last opened (ISO), if it has. */
  openedAt?: string;
  /** Calls refused while open, since start. */
  rejected: number;
  /** Calls that failed (errors and deadlines), since start. */
  failures: number;
}

export interface PlatformHealth {
  /** False when the store cannot keep writes: nothing can be acknowledged. */
  ready: boolean;
  store: StoreHealth;
  circuit?: CircuitReport;
}

export interface PlatformHealthDeps {
  store: { health(): StoreHealth };
  circuit?: () => CircuitReport;
}

export function platformHealth(deps: PlatformHealthDeps): () => PlatformHealth {
  return () => {
    const store = deps.store.health();
    return { ready: store.ok, store, ...(deps.circuit && { circuit: deps.circuit() }) };
  };
}
