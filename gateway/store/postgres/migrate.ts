/**
 * Schema migrations: plain numbered SQL files in ./migrations (001-initial.sql, 002-….sql), each
 * applied once, in its own transaction, and recorded in schema_migrations. Every gateway instance
 * migrates at boot; a session-level advisory lock makes the others wait while one migrates, so
 * instances starting together never apply a file twice. A database that is newer than this
 * gateway (a version it does not know) is refused: an older gateway must not write to a schema
 * it does not understand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { ClientBase } from 'pg';
import { StoreError } from '../types.ts';

/** The advisory lock key: 'ouderpm' as a number, unlikely to collide with anyone else's. */
export const MIGRATION_LOCK_KEY = 0x6f75646572706dn;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE = /^(\d{3})-([a-z0-9-]+)\.sql$/;
const DIR = new URL('./migrations/', import.meta.url);

/** The migrations in the repository, in order of version. */
export function loadMigrations(dir: URL = DIR): Migration[] {
  const migrations = readdirSync(dir).flatMap((file) => {
    const match = FILE.exec(file);
    if (!match) return [];
    return [{ version: Number(match[1]), name: match[2]!, sql: readFileSync(new URL(file, dir), 'utf8') }];
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`store migrations: expected version ${i + 1}, found ${m.version}-${m.name}`);
  });
  return migrations;
}

/** Applies what the database lacks; returns the names applied (empty when it was up to date). */
export async function migrate(client: ClientBase, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const latest = migrations.at(-1)?.version ?? 0;
    const unknown = [...applied].filter((v) => v > latest);
    if (unknown.length > 0) {
      throw new StoreError('INVALID', `The database schema is at version ${Math.max(...unknown)}, `
        + `this gateway knows up to ${latest}: run the newer gateway, or restore a matching backup`);
    }
    const done: string[] = [];
    for (const m of migrations.filter((m) => !applied.has(m.version))) {
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`store migration ${m.version}-${m.name} failed: ${(err as Error).message}`, { cause: err });
      }
      done.push(`${String(m.version).padStart(3, '0')}-${m.name}`);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]);
  }
}
