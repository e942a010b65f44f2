import { parseTime, requireId } from '../tables/table-hooks.ts';
import type { SessionRecord, SessionRepo } from '../types.ts';
import { toJson } from './db.ts';
import type { Db } from './db.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

export class PgSessions implements SessionRepo {
  constructor(private readonly db: Db) {}

  async get(sid: string, now: Date): Promise<SessionRecord | undefined> {
    const { rows } = await this.db.query<{ doc: SessionRecord }>(
      'SELECT doc FROM sessions WHERE school_id = $1 AND sid = $2 AND expires_at > $3',
      [this.db.schoolId, sid, now.toISOString()],
    );
    return rows[0]?.doc;
  }

  async set(record: SessionRecord): Promise<void> {
    this.db.assertOpen();
    requireId(record.sid, 'sid');
    const expiresMs = parseTime(record.expiresAt, 'expiresAt');
    await this.db.write(
      'sessions', `INSERT INTO sessions (school_id, sid, account_id, expires_at, doc) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (school_id, sid) DO UPDATE
       SET account_id = excluded.account_id, expires_at = excluded.expires_at, doc = excluded.doc`,
      [this.db.schoolId, record.sid, record.accountId ?? null, iso(expiresMs), toJson(record)],
    );
  }

  async destroy(sid: string): Promise<void> {
    await this.db.write('sessions', 'DELETE FROM sessions WHERE school_id = $1 AND sid = $2', [this.db.schoolId, sid]);
  }

  async destroyByAccount(accountId: string, exceptSid?: string): Promise<number> {
    const { rowCount } = await this.db.write(
      'sessions', 'DELETE FROM sessions WHERE school_id = $1 AND account_id = $2 AND sid IS DISTINCT FROM $3',
      [this.db.schoolId, accountId, exceptSid ?? null],
    );
    return rowCount ?? 0;
  }

  async listByAccount(accountId: string, now: Date): Promise<SessionRecord[]> {
    const { rows } = await this.db.query<{ doc: SessionRecord }>(
      'SELECT doc FROM sessions WHERE school_id = $1 AND account_id = $2 AND expires_at > $3',
      [this.db.schoolId, accountId, now.toISOString()],
    );
    return rows.map((r) => r.doc);
  }

  async purgeExpired(now: Date): Promise<number> {
    const { rowCount } = await this.db.write(
      'sessions', 'DELETE FROM sessions WHERE school_id = $1 AND expires_at <= $2', [this.db.schoolId, now.toISOString()],
    );
    return rowCount ?? 0;
  }
}
