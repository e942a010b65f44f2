/**
 * Synchronizer-token CSRF protection: one random token per session, required on every
 * state-changing request (form field `_csrf` or header `x-csrf-token`).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from './http-error.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfProtection(): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) {
      // Lazily: only pages that render a form need a session before login.
      Object.defineProperty(res.locals, 'csrfToken', {
        enumerable: true,
        configurable: true,
        get: () => ensureToken(req),
      });
      return next();
    }
    const expected = req.session?.csrf;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const given = typeof body._csrf === 'string' ? body._csrf : req.get('x-csrf-token');
    if (!expected || !given || !equal(expected, given)) {
      return next(new HttpError(403, 'CSRF_INVALID'));
    }
    res.locals.csrfToken = expected;
    next();
  };
}

function ensureToken(req: Parameters<RequestHandler>[0]): string {
  if (!req.session) throw new Error('csrfProtection needs sessions set up before it');
  req.session.csrf ??= randomBytes(32).toString('base64url');
  return req.session.csrf;
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
