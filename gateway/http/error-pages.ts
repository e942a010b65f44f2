/**
 * The last two handlers of the app: a 404 and a generic error page with the request id.
 * No stack traces or internal messages reach the browser.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { isStoreError } from '../store/types.ts';

const PAGES: Record<number, string> = { 403: 'errors/403', 404: 'errors/404', 500: 'errors/500', 503: 'errors/503' };

export function notFound(): RequestHandler {
  return (_req, res) => {
    res.status(404).render(PAGES[404]!, { layout: 'public' });
  };
}

export function statusOf(err: unknown): number {
  const e = err as { statusCode?: unknown; status?: unknown; code?: unknown };
  if (e?.code === 'SIS_NOT_FOUND') return 404;
  if (e?.code === 'SIS_NO_DATA' || e?.code === 'SIS_UNAVAILABLE') return 503;
  // The store cannot keep a write now (full or read-only disk): nothing was saved, try again later.
  if (isStoreError(err, 'UNAVAILABLE')) return 503;
  const s = typeof e?.statusCode === 'number' ? e.statusCode : typeof e?.status === 'number' ? e.status : 500;
  return s >= 400 && s < 600 ? s : 500;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const status = statusOf(err);
    const requestId = res.locals.requestId as string | undefined;
    const code = (err as { code?: unknown })?.code;
    if (status >= 500) logger.error({ err, requestId }, 'request failed');
    else logger.info({ status, code, requestId }, 'request refused');
    if (res.headersSent) return;
    const page = PAGES[status] ?? (status >= 500 ? PAGES[500]! : PAGES[404]!);
    res.status(status);
    res.set('Cache-Control', 'no-store');
    res.render(page, { layout: req.user ? 'main' : 'public', requestId }, (renderErr, html) => {
      if (renderErr) {
        logger.error({ err: renderErr, requestId }, 'error page failed to render');
        res.type('text/plain').send(`Error ${status}. Request id: ${requestId ?? '-'}`);
        return;
      }
      res.send(html);
    });
  };
}
