/**
 * Counts every request by the Express route pattern that answered it (req.baseUrl + req.route.path),
 * never by its URL: a URL carries child handles, tokens and query strings. A request no route
 * answered (a 404, a CSRF refusal before routing) is "(unmatched)"; a file from a static mount is
 * that mount ("/static").
 */
import type { Request, RequestHandler } from 'express';
import type { Metrics } from './registry.ts';

export const UNMATCHED = '(unmatched)';

export function routePattern(req: Request): string {
  const route = (req as { route?: { path?: unknown } }).route;
  if (route?.path !== undefined) return `${req.baseUrl}${String(route.path)}` || '/';
  return req.baseUrl || UNMATCHED;
}

/** No-op without metrics (metrics.enabled false): nothing is measured that nobody scrapes. */
export function httpMetrics(metrics: Metrics | undefined): RequestHandler {
  if (!metrics) return (_req, _res, next) => next();
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpRequest({ method: req.method, route: routePattern(req), status: String(res.statusCode) }, seconds);
    });
    next();
  };
}
