/**
 * Move a school's store between lowdb and PostgreSQL, with every gateway instance stopped:
 *
 *   node --import tsx bin/move-store.ts --to postgres [--config school.yaml] [--dir <lowdb dir>]
 *   node --import tsx bin/move-store.ts --to lowdb    [--config school.yaml]  --dir <new lowdb dir>
 *
 * The lowdb directory is store.lowdb.dir unless --dir names another; PostgreSQL is
 * OUDERPOORT_DATABASE_URL. The target must be empty. Prints the count per kind on both sides and
 * exits 0 only when every kind matches (count and ids); 1 when the move failed, 2 on bad usage.
 * Afterwards set store.kind to the target and start the gateway. See README, "Store".
 */
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../gateway/config/load-config-or-exit.ts';
import { createLowdbStore } from '../gateway/store/lowdb/index.ts';
import { moveStore, type KindCount, type MovableStore } from '../gateway/store/move.ts';
import { createPostgresStore } from '../gateway/store/postgres/index.ts';

function fail(message: string, code = 2): never {
  process.stderr.write(`move-store: ${message}\n`);
  process.exit(code);
}

const { values } = parseArgs({ options: { to: { type: 'string' }, config: { type: 'string' }, dir: { type: 'string' } } });
if (values.to !== 'postgres' && values.to !== 'lowdb') fail('usage: move-store --to postgres|lowdb [--config file] [--dir lowdb-dir]');
if (values.to === 'lowdb' && !values.dir) fail('--to lowdb needs --dir: a new, empty directory (never the running store)');

const config = loadConfigOrExit(values.config, 'move-store: ');
const url = config.store.postgres.url;
if (!url) fail('OUDERPOORT_DATABASE_URL is not set');

const lowdb = createLowdbStore({ dir: values.dir ?? config.store.lowdb.dir, flushDelayMs: 5 });
const postgres = createPostgresStore({ url, poolSize: 2 });
const [from, to]: [MovableStore, MovableStore] = values.to === 'postgres' ? [lowdb, postgres] : [postgres, lowdb];
const describe = (s: MovableStore) => (s === lowdb ? `lowdb ${lowdb.dir}` : `PostgreSQL ${postgres.where}`);

function print(report: KindCount[]): void {
  const width = Math.max(4, ...report.map((r) => r.kind.length));
  process.stdout.write(`${'kind'.padEnd(width)}  source  target\n`);
  for (const r of report) {
    process.stdout.write(`${r.kind.padEnd(width)}  ${String(r.source).padStart(6)}  ${String(r.target).padStart(6)}${r.ok ? '' : '  DIFFERS'}\n`);
  }
}

let code = 0;
try {
  await from.open();
  await to.open();
  process.stdout.write(`Moving ${describe(from)} → ${describe(to)} (sessions and the cache are not moved)\n`);
  print(await moveStore(from, to));
  process.stdout.write('Every kind matches. Set store.kind to the target and start the gateway.\n');
} catch (err) {
  const report = (err as { report?: KindCount[] }).report;
  if (report) print(report);
  process.stderr.write(`move-store: ${(err as Error).message}\n`);
  code = 1;
} finally {
  await Promise.allSettled([from.close(), to.close()]);
}
process.exit(code);
