/**
 * The data key: the stable secret that seals personal data the store keeps beside its sealed
 * outbox copy (a correction's old and new values, see sealed-collection.ts). Unlike the session
 * secret it must not change at a restart — what it sealed cannot be read without it — so it comes
 * from OUDERPOORT_DATA_KEY (config `store.dataKey`), and production refuses to start without it.
 *
 * The demo (`npm start`) needs no setup: without the variable it makes a key once and keeps it in
 * the demo store's directory (`<store.lowdb.dir>/demo-data-key`, mode 0600), so a restarted demo
 * still reads its corrections. Never in production: a key beside the data protects nothing.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/index.ts';

export const DATA_KEY_ENV = 'OUDERPOORT_DATA_KEY';
export const DEMO_DATA_KEY_FILE = 'demo-data-key';
const MIN_LENGTH = 32;

export const messages = {
  missing: `store.dataKey is not set: set ${DATA_KEY_ENV} (at least ${MIN_LENGTH} random characters, e.g. openssl rand -base64 48); keep it with the backups, the corrections stored with it cannot be read without it`,
  demoFileInvalid: (file: string) => `${file}: the demo data key is shorter than ${MIN_LENGTH} characters; delete the file (the demo's corrections are lost) or set ${DATA_KEY_ENV}`,
};

type DataKeyConfig = Pick<Config, 'demo'> & { store: Pick<Config['store'], 'dataKey' | 'lowdb'> };

/** The configured key; in demo mode without one, the demo's own key (made on first use). Throws naming the variable otherwise. */
export function dataKeyFor(config: DataKeyConfig, logger?: { warn(msg: string): void }): string {
  if (config.store.dataKey) return config.store.dataKey;
  if (!config.demo.enabled) throw new Error(messages.missing);
  const file = join(config.store.lowdb.dir, DEMO_DATA_KEY_FILE);
  const existing = readOrUndefined(file);
  if (existing !== undefined) {
    if (existing.length < MIN_LENGTH) throw new Error(messages.demoFileInvalid(file));
    return existing;
  }
  const key = randomBytes(32).toString('base64url');
  mkdirSync(config.store.lowdb.dir, { recursive: true });
  // 'wx': two demo processes starting at once do not overwrite each other's key.
  try {
    writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return dataKeyFor(config, logger);
    throw err;
  }
  logger?.warn(`demo mode: no ${DATA_KEY_ENV}, made a data key in the demo store's directory (never do this in production)`);
  return key;
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
