/**
 * Server-side sessions: a `__Host-` cookie (HttpOnly, Secure, SameSite=Lax), records in the store,
 * an idle timeout and an absolute lifetime judged by the injected clock (so tests can move time).
 */
import type { RequestHandler } from 'express';
import session from 'express-session';
import type { Clock } from '../../adapters/contract/index.ts';
import type { SessionRepo } from '../store/types.ts';
import { RepoSessionStore } from './session-store.ts';

export interface SessionOptions {
  secret: string | string[];
  /** false only for a plain-http local demo: the cookie then loses `Secure` and the `__Host-` prefix. */
  secureCookies: boolean;
  idleMs: number;
  absoluteMs: number;
}

export function sessionCookieName(secure: boolean): string {
  // Browsers only accept __Host- cookies that are Secure, path=/ and without Domain.
  return secure ? '__Host-ouderpoort' : 'ouderpoort';
}

export function setUpSessions(repo: SessionRepo, clock: Clock, opts: SessionOptions): RequestHandler[] {
  const store = new RepoSessionStore(repo, clock, opts.absoluteMs);
  const middleware = session({
    name: sessionCookieName(opts.secureCookies),
    secret: opts.secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    unset: 'destroy',
    cookie: { httpOnly: true, secure: opts.secureCookies, sameSite: 'lax', path: '/' },
  });
  return [middleware, enforceLifetime(clock, opts)];
}

/** Ends a session that has been idle too long or lived too long; otherwise marks it seen. */
function enforceLifetime(clock: Clock, opts: SessionOptions): RequestHandler {
  return (req, _res, next) => {
    const s = req.session;
    if (!s || !s.passport?.user) return next();
    const now = clock.now().getTime();
    const created = s.createdAt ? Date.parse(s.createdAt) : now;
    const lastSeen = s.lastSeenAt ? Date.parse(s.lastSeenAt) : now;
    if (now - lastSeen > opts.idleMs || now - created > opts.absoluteMs) {
      // The old record is destroyed; the request continues with a fresh, anonymous session.
      s.regenerate((err) => next(err));
      return;
    }
    // Only write the store once a minute per session, not on every request.
    if (now - lastSeen > 60_000 || !s.lastSeenAt) s.lastSeenAt = new Date(now).toISOString();
    next();
  };
}
