/**
 * CSRF protection, two ways:
 * - a logged-in session (parent, operator, or a login waiting for its second factor) carries a
 *   synchronizer token in the session;
 * - a visitor who is not logged in gets no stored session at all: the token is a signed double
 *   submit — a random nonce in a `__Host-` cookie, and in the form the nonce with its HMAC under
 *   the session secret. Another site can neither read nor set that cookie, nor forge the HMAC.
 * Required on every state-changing request (form field `_csrf` or header `x-csrf-token`). Beside
 * the token, a request the browser marks `Sec-Fetch-Site: cross-site` is refused outright.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { HttpError } from './http-error.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfOptions {
  /** Keys the double-submit HMAC (derive from the session secret). */
  secret: string;
  secure: boolean;
}

export function csrfCookieName(secure: boolean): string {
  return secure ? '__Host-ouderpoort-csrf' : 'ouderpoort-csrf';
}

/** A session that is someone's: it is stored anyway, so its token lives in it. */
function ownedSession(req: Request): boolean {
  const s = req.session;
  return Boolean(s?.csrf || s?.passport?.user || s?.operator || s?.pendingLogin);
}

export function cookieFrom(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function csrfProtection(opts: CsrfOptions): RequestHandler {
  const cookieName = csrfCookieName(opts.secure);
  const mac = (nonce: string) => createHmac('sha256', `csrf:${opts.secret}`).update(nonce).digest('base64url');

  const doubleSubmitToken = (req: Request, res: Response): string => {
    let nonce = cookieFrom(req, cookieName);
    if (!nonce || !/^[A-Za-z0-9_-]{43}$/.test(nonce)) {
      nonce = randomBytes(32).toString('base64url');
      res.cookie(cookieName, nonce, { httpOnly: true, secure: opts.secure, sameSite: 'lax', path: '/' });
    }
    return `${nonce}.${mac(nonce)}`;
  };

  const doubleSubmitValid = (req: Request, given: string): boolean => {
    const nonce = cookieFrom(req, cookieName);
    const [givenNonce, givenMac] = given.split('.');
    return Boolean(nonce && givenNonce && givenMac && equal(nonce, givenNonce) && equal(mac(nonce), givenMac));
  };

  return (req, res, next) => {
    if (!req.session) return next(new Error('csrfProtection needs sessions set up before it'));
    if (SAFE_METHODS.has(req.method)) {
      // Lazily: only pages that render a form make a token.
      Object.defineProperty(res.locals, 'csrfToken', {
        enumerable: true,
        configurable: true,
        get: () => (ownedSession(req) ? ensureToken(req) : doubleSubmitToken(req, res)),
      });
      return next();
    }
    if (req.get('sec-fetch-site') === 'cross-site') return next(new HttpError(403, 'CROSS_SITE'));
    const body = (req.body ?? {}) as Record<string, unknown>;
    const given = typeof body._csrf === 'string' ? body._csrf : req.get('x-csrf-token');
    const expected = req.session.csrf;
    const valid = Boolean(given) && (expected ? equal(expected, given!) : doubleSubmitValid(req, given!));
    if (!valid) return next(new HttpError(403, 'CSRF_INVALID'));
    // A re-rendered form after this POST needs a token of the session it now belongs to.
    Object.defineProperty(res.locals, 'csrfToken', {
      enumerable: true,
      configurable: true,
      get: () => (ownedSession(req) ? ensureToken(req) : doubleSubmitToken(req, res)),
    });
    next();
  };
}

function ensureToken(req: Request): string {
  req.session.csrf ??= randomBytes(32).toString('base64url');
  return req.session.csrf;
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
