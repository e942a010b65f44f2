/**
 * express-session Store over the gateway's SessionRepo, so sessions live in the same store
 * (lowdb or PostgreSQL) as everything else and can be ended per account (logout elsewhere, reset).
 */
import session from 'express-session';
import type { SessionData } from 'express-session';
import type { Clock } from '../../adapters/contract/index.ts';
import type { SessionRepo } from '../store/types.ts';

export class RepoSessionStore extends session.Store {
  constructor(
    private readonly repo: SessionRepo,
    private readonly clock: Clock,
    /** Upper bound on a record's life in the store; the policy middleware enforces the real limits. */
    private readonly maxLifetimeMs: number,
  ) {
    super();
  }

  override get(sid: string, cb: (err: unknown, s?: SessionData | null) => void): void {
    this.repo.get(sid, this.clock.now()).then(
      (rec) => cb(null, rec ? (rec.data as unknown as SessionData) : null),
      (err) => cb(err),
    );
  }

  override set(sid: string, data: SessionData, cb?: (err?: unknown) => void): void {
    const created = data.createdAt ? Date.parse(data.createdAt) : this.clock.now().getTime();
    this.repo
      .set({
        sid,
        accountId: data.passport?.user,
        data: JSON.parse(JSON.stringify(data)) as Record<string, unknown>,
        expiresAt: new Date(created + this.maxLifetimeMs).toISOString(),
      })
      .then(() => cb?.(), (err) => cb?.(err));
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    this.repo.destroy(sid).then(() => cb?.(), (err) => cb?.(err));
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
