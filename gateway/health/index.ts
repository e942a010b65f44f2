/**
 * Probes for a load balancer, answered before sessions, logging and everything else (no cookie,
 * no log line per probe, no personal data):
 *   GET /healthz  200 while the process runs (liveness: restart me if this fails).
 *   GET /readyz   200 when this instance should get traffic: the store answers within
 *                 STORE_PROBE_MS, the calendar in force is valid, and it is not shutting down;
 *                 503 otherwise. The body names each check, so an operator sees why.
 * A calendar file that was edited into an invalid state does not make the instance unready: the
 * gateway keeps serving the last good calendar (config rule: bad input loses nothing), and taking
 * every instance out of the balancer for a typo would be an outage. The check reports it
 * ("stale-invalid-file") so monitoring can alert on it.
 */
import { Router } from 'express';
import type { CalendarStatus } from '../policy/calendar-source.ts';

/** A store read slower than this counts as unreachable: the balancer should send traffic elsewhere. */
export const STORE_PROBE_MS = 2_000;

export interface HealthDeps {
  /** One cheap read of the store; rejects (or hangs) when the store is down. */
  probeStore(): Promise<unknown>;
  calendarStatus(): CalendarStatus;
  logger: { warn(obj: object, msg: string): void };
}

export interface Readiness {
  /** From now on /readyz answers 503 (boot's stop() calls it first). */
  markShuttingDown(): void;
  readonly shuttingDown: boolean;
}

export function createReadiness(): Readiness {
  let shuttingDown = false;
  return {
    markShuttingDown: () => {
      shuttingDown = true;
    },
    get shuttingDown() {
      return shuttingDown;
    },
  };
}

async function storeCheck(probe: () => Promise<unknown>): Promise<'ok' | 'unreachable' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), STORE_PROBE_MS);
  });
  try {
    return await Promise.race([probe().then(() => 'ok' as const), timeout]);
  } catch {
    return 'unreachable';
  } finally {
    clearTimeout(timer);
  }
}

export function createHealthRouter(deps: HealthDeps, readiness: Readiness): Router {
  const router = Router();
  let lastReady = true;
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const store = await storeCheck(deps.probeStore);
    const calendar = deps.calendarStatus().valid ? 'ok' : 'stale-invalid-file';
    const shutdown = readiness.shuttingDown ? 'shutting-down' : 'ok';
    const ready = store === 'ok' && shutdown === 'ok';
    if (ready !== lastReady) {
      deps.logger.warn({ store, calendar, shutdown }, ready ? 'ready again' : 'not ready');
      lastReady = ready;
    }
    res.status(ready ? 200 : 503).set('Cache-Control', 'no-store').json({ ready, checks: { store, calendar, shutdown } });
  });
  return router;
}
