/** The platform-health part of /beheer/status (views/partials/status/platform.hbs). */
import type { PlatformHealth } from './platform-health.ts';

const KNOWN_REASONS = new Set(['ENOSPC', 'EROFS', 'EACCES']);

export function platformHealthView(health: PlatformHealth) {
  return {
    store: {
      // PostgreSQL stays ok (ready) while a kind's latest write failed; the page says it is failing.
      ok: health.store.ok && !health.store.kinds.some((k) => k.failing),
      // A kind is worth a line while failing, or once it has failed since start.
      kinds: health.store.kinds.filter((k) => k.lastError).map((k) => ({
        kind: k.kind,
        failing: k.failing,
        reason: k.lastError!.reason,
        reasonKey: `health.store.reasons.${KNOWN_REASONS.has(k.lastError!.reason) ? k.lastError!.reason : 'other'}`,
        since: k.lastError!.since,
        at: k.lastError!.at,
      })),
    },
    ...(health.circuit && { circuit: { ...health.circuit, stateKey: `health.circuit.${health.circuit.state}` } }),
  };
}
