/**
 * The throttle counters (gateway/auth/throttle-state.ts) in PostgreSQL, so a limit counts per
 * account across every instance, not per process. increment() is one atomic statement
 * (INSERT … ON CONFLICT DO UPDATE … RETURNING): two instances counting the same key at once both
 * count.
 */
import type { CounterExpiry, ThrottleCounter, ThrottleState } from '../../auth/throttle-state.ts';
import type { Db } from './db.ts';

interface Row { count: number; first_at: string; last_at: string; expires_at: string }

const counter = (row: Row): ThrottleCounter => ({
  count: row.count, firstAt: Number(row.first_at), lastAt: Number(row.last_at), expiresAt: Number(row.expires_at),
});

/** Expired counters (some hold an address) are swept during writes at most this often. */
const SWEEP_INTERVAL_MS = 60_000;

export class PgCounters implements ThrottleState {
  #lastSweep = Number.NEGATIVE_INFINITY;

  constructor(private readonly db: Db) {}

  async get(key: string, now: Date): Promise<ThrottleCounter | undefined> {
    const { rows } = await this.db.query<Row>(
      'SELECT count, first_at, last_at, expires_at FROM throttle_counters WHERE school_id = $1 AND key = $2 AND expires_at > $3',
      [this.db.schoolId, key, now.getTime()],
    );
    return rows[0] && counter(rows[0]);
  }

  async set(key: string, c: ThrottleCounter): Promise<void> {
    await this.db.write(
      'counters', `INSERT INTO throttle_counters (school_id, key, count, first_at, last_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (school_id, key) DO UPDATE
       SET count = excluded.count, first_at = excluded.first_at, last_at = excluded.last_at, expires_at = excluded.expires_at`,
      [this.db.schoolId, key, c.count, c.firstAt, c.lastAt, c.expiresAt],
    );
  }

  async increment(key: string, now: Date, expiry: CounterExpiry): Promise<ThrottleCounter> {
    if (now.getTime() - this.#lastSweep >= SWEEP_INTERVAL_MS) {
      this.#lastSweep = now.getTime();
      await this.purgeExpired(now);
    }
    // $3 now, $4 ttl, $5 sliding? An expired row starts over as a fresh counter.
    const { rows } = await this.db.write<Row>(
      'counters', `INSERT INTO throttle_counters AS t (school_id, key, count, first_at, last_at, expires_at)
       VALUES ($1, $2, 1, $3::bigint, $3::bigint, $3::bigint + $4::bigint)
       ON CONFLICT (school_id, key) DO UPDATE SET
         count = CASE WHEN t.expires_at <= $3 THEN 1 ELSE t.count + 1 END,
         first_at = CASE WHEN t.expires_at <= $3 THEN $3 ELSE t.first_at END,
         last_at = $3,
         expires_at = CASE WHEN $5::boolean THEN $3 ELSE (CASE WHEN t.expires_at <= $3 THEN $3 ELSE t.first_at END) END + $4
       RETURNING count, first_at, last_at, expires_at`,
      [this.db.schoolId, key, now.getTime(), expiry.ttlMs, expiry.mode === 'sliding'],
    );
    return counter(rows[0]!);
  }

  async delete(key: string): Promise<void> {
    await this.db.write('counters', 'DELETE FROM throttle_counters WHERE school_id = $1 AND key = $2', [this.db.schoolId, key]);
  }

  async purgeExpired(now: Date): Promise<number> {
    const { rowCount } = await this.db.write(
      'counters', 'DELETE FROM throttle_counters WHERE school_id = $1 AND expires_at <= $2', [this.db.schoolId, now.getTime()],
    );
    return rowCount ?? 0;
  }
}
