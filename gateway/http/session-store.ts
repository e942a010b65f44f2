/**
 * express-session Store over the gateway's SessionRepo, so sessions live in the same store
 * (lowdb or PostgreSQL) as everything else and can be ended per account (logout elsewhere, reset).
 *
 * Records are stored under the SHA-256 of the session id (sessionKey), never the id itself: the
 * cookie holds the id, so a copied store or backup holds nothing a browser could present. Expired
 * records are deleted at most every `purgeEveryMs` (default 10 minutes) when a session is written.
 */
import { createHash } from 'node:crypto';
import session from 'express-session';
import type { SessionData } from 'express-session';
import type { Clock } from '../../adapters/contract/index.ts';
import type { SessionRepo } from '../store/types.ts';

/** The key a session is stored under: what SessionRepo calls `sid` (also for destroyByAccount's exceptSid). */
export function sessionKey(sid: string): string {
  return createHash('sha256').update(sid).digest('base64url');
}

export class RepoSessionStore extends session.Store {
  #lastPurge = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly repo: SessionRepo,
    private readonly clock: Clock,
    /** Upper bound on a record's life in the store; the policy middleware enforces the real limits. */
    private readonly maxLifetimeMs: number,
    private readonly purgeEveryMs = 10 * 60_000,
  ) {
    super();
  }

  override get(sid: string, cb: (err: unknown, s?: SessionData | null) => void): void {
    this.repo.get(sessionKey(sid), this.clock.now()).then(
      (rec) => cb(null, rec ? (rec.data as unknown as SessionData) : null),
      (err) => cb(err),
    );
  }

  override set(sid: string, data: SessionData, cb?: (err?: unknown) => void): void {
    const now = this.clock.now();
    const created = data.createdAt ? Date.parse(data.createdAt) : now.getTime();
    const purge = now.getTime() - this.#lastPurge >= this.purgeEveryMs;
    if (purge) this.#lastPurge = now.getTime();
    this.repo
      .set({
        sid: sessionKey(sid),
        accountId: data.passport?.user,
        data: JSON.parse(JSON.stringify(data)) as Record<string, unknown>,
        expiresAt: new Date(created + this.maxLifetimeMs).toISOString(),
      })
      .then(() => (purge ? this.repo.purgeExpired(now) : 0))
      .then(() => cb?.(), (err) => cb?.(err));
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    this.repo.destroy(sessionKey(sid)).then(() => cb?.(), (err) => cb?.(err));
  }

  /**
   * express-session touches on every request of a logged-in parent. A record's expiry counts from
   * its creation, not from the last request, and the idle limit is kept in the session data
   * (lastSeenAt, saved once a minute by session.ts), so a touch has nothing to store: writing the
   * record here rewrote the sessions file on every page view (bench/README.md).
   */
  override touch(_sid: string, _data: SessionData, cb?: () => void): void {
    cb?.();
  }
}
