/**
 * With server.secureCookies on, the session cookie is `Secure`: express-session will not set it
 * on a request it does not see as HTTPS, and a browser drops it over plain HTTP. Behind a
 * TLS-ending proxy with server.trustProxy 0 that means nobody can log in, silently. This makes it
 * loud: a form post that could not keep its session gets a page naming server.trustProxy, and
 * boot logs proxyWarning().
 */
import type { RequestHandler } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requireSecureTransport(opts: { secure: boolean }): RequestHandler {
  return (req, res, next) => {
    if (!opts.secure || req.secure || SAFE_METHODS.has(req.method)) return next();
    res.status(500).set('Cache-Control', 'no-store').render('errors/proxy', { layout: 'public', requestId: res.locals.requestId });
  };
}

/** The boot warning, or undefined when the settings can work. The gateway itself listens on plain HTTP. */
export function proxyWarning(server: { secureCookies: boolean; trustProxy: number }): string | undefined {
  if (!server.secureCookies || server.trustProxy > 0) return undefined;
  return 'server.secureCookies is on, server.trustProxy is 0 and the gateway listens on plain HTTP: no session cookie can be set '
    + 'and nobody can log in. Behind a TLS-ending reverse proxy set server.trustProxy to the number of proxies (usually 1).';
}
