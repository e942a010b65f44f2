/**
 * GET /healthz: the process answers (200). GET /readyz: 200 while the store keeps writes, 503 when
 * it does not (a load balancer stops sending parents to an instance that cannot save), with the
 * store's kinds and the SIS circuit as JSON. An open circuit is not "not ready": the portal serves
 * its cache. Nothing personal and no paths, so neither needs a login.
 */
import { Router } from 'express';
import type { PlatformHealth } from './platform-health.ts';

export function createHealthRouter(health: () => PlatformHealth): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => void res.json({ ok: true }));
  router.get('/readyz', (_req, res) => {
    const report = health();
    res.status(report.ready ? 200 : 503).json(report);
  });
  return router;
}
