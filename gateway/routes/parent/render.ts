/**
 * Rendering helpers shared by the parent pages: every response is no-store; a page is rendered
 * to a string first so the audit record is written only for a page that really exists; an SIS
 * outage with nothing cached becomes a calm 503 page, never a stack trace.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { isSisError } from '../../../adapters/contract/index.ts';
import { parentSubject } from '../../auth/second-factor/index.ts';
import { securityEvent } from '../../security-events/index.ts';
import { isSisServiceError } from '../../sis/errors.ts';
import type { ParentRouterLogger } from './deps.ts';

export function noStore(res: Response): void {
  res.set('Cache-Control', 'no-store');
}

/** res.render as a promise: the string Express's engine API names, or the bytes when asked (`asBytes`). */
function rendered(res: Response, view: string, model: object): Promise<string | Buffer | undefined> {
  return new Promise((resolve, reject) => {
    res.render(view, model, (err: Error | null, page?: string | Buffer) => (err ? reject(err) : resolve(page)));
  });
}

export async function renderToString(res: Response, view: string, model: object): Promise<string> {
  return String((await rendered(res, view, model)) ?? '');
}

/** The page as its UTF-8 bytes: kept fragments (views/kept-partial.ts) go in as they were encoded once. */
export async function renderToBytes(res: Response, view: string, model: object): Promise<Buffer> {
  const page = await rendered(res, view, { ...model, asBytes: true });
  return Buffer.isBuffer(page) ? page : Buffer.from(page ?? '');
}

/** The one 404 of the parent pages: an unknown, foreign or departed child all look the same. */
export function renderNotFound(res: Response): void {
  res.status(404).render('errors/404', { requestId: res.locals.requestId });
}

/** A child handle that is not one of the viewer's: the same 404, and a security event (also audited). */
export async function refuseChild(req: Request, res: Response): Promise<void> {
  await securityEvent(req, {
    type: 'access.denied', outcome: 'denied', subject: parentSubject(req.user!.accountId), accountId: req.user!.accountId,
    detail: { reason: 'child-handle' },
  });
  renderNotFound(res);
}

/** Nothing cached and the SIS unreachable: the data cannot be shown now. */
export function isUnavailable(err: unknown): boolean {
  return isSisServiceError(err, 'SIS_NO_DATA') || isSisError(err, 'SIS_UNAVAILABLE');
}

function renderUnavailable(res: Response, err: unknown): void {
  const retryAfter = (err as { retryAfter?: unknown }).retryAfter;
  if (typeof retryAfter === 'number' && retryAfter > 0) res.set('Retry-After', String(Math.ceil(retryAfter)));
  res.status(503).render('errors/503', { requestId: res.locals.requestId });
}

export type ParentHandler = (req: Request, res: Response, user: Express.User) => Promise<void>;

/** Wraps a page handler: no-store, a logged-in parent, and the SIS outage page. */
export function parentPage(logger: ParentRouterLogger, handler: ParentHandler): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    noStore(res);
    // The auth guard runs before this router; without a user something is mis-mounted: fail closed.
    if (!req.user) {
      res.redirect(303, '/inloggen');
      return;
    }
    try {
      await handler(req, res, req.user);
    } catch (err) {
      if (!isUnavailable(err) || res.headersSent) {
        next(err);
        return;
      }
      logger.warn({ code: (err as { code?: string }).code, requestId: res.locals.requestId }, 'SIS data unavailable');
      renderUnavailable(res, err);
    }
  };
}
