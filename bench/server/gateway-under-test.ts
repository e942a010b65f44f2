/**
 * The gateway as `npm start` boots it (gateway/boot.ts: provisioning, scheduler with its jobs,
 * the real app), on a lowdb store in a temp directory or on PostgreSQL (`databaseUrl`, a database
 * several servers under test may share), over the bench SIS. Every provisioned
 * account gets one known password, hashed once at the production argon2id cost: the logins the
 * bench makes still run the real verification.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { boot, type Booted } from '../../gateway/boot.ts';
import { loadConfig } from '../../gateway/config/index.ts';
import { createLogger } from '../../gateway/logger.ts';
import { createStoreFromConfig } from '../../gateway/store/from-config.ts';
import { createLowdbStore } from '../../gateway/store/lowdb/index.ts';
import { jumpingClock, type JumpingClock } from './bench-clock.ts';
import { benchSisModule, newCallCounts, type SisCallCounts } from './bench-sis.ts';
import { storeWriteCounter, type StoreWriteCounter } from './store-writes.ts';

export const BENCH_PASSWORD = 'de bench fietst langs de bloeiende dijk';

export interface GatewayOptions {
  pupils: number;
  latencyMs: number;
  /** Where the clock starts (it runs on in real time). */
  clockStart: string;
  /** The PostgreSQL store on this database instead of lowdb. */
  databaseUrl?: string;
}

export interface GatewayUnderTest {
  booted: Booted;
  clock: JumpingClock;
  sisCalls: SisCallCounts;
  storeWrites: StoreWriteCounter;
  usernames: string[];
  bootMs: number;
  storeFileBytes(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<GatewayUnderTest> {
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'ouderpoort-bench-'));
  const storeDir = join(dir, 'store');
  const config = loadConfig({
    file: 'config/demo.yaml',
    env: options.databaseUrl ? { OUDERPOORT_DATABASE_URL: options.databaseUrl } : {},
    values: {
      server: { port: 0, host: '127.0.0.1' },
      sis: { stack: [{ adapter: 'mock', config: { pupils: options.pupils, latencyMs: options.latencyMs } }] },
      store: options.databaseUrl ? { kind: 'postgres' } : { lowdb: { dir: storeDir } },
      log: { level: 'info' },
      // Two servers under test on one machine: the demo IdP's fixed port would be taken by the second.
      demo: { idp: { enabled: false } },
      operators: { oidc: { enabled: false } },
    },
  });
  // Production logs every request at info; here to a file, asynchronously, as to a log shipper.
  const logger = createLogger(config, pino.destination({ dest: join(dir, 'gateway.log'), sync: false, mkdir: true }));
  const clock = jumpingClock(options.clockStart);
  const sisCalls = newCallCounts();
  const storeWrites = storeWriteCounter(logger);
  const store = options.databaseUrl ? createStoreFromConfig(config, { clock, logger }) : createLowdbStore({ dir: storeDir, clock, logger: storeWrites });
  const module = benchSisModule(sisCalls);
  const booted = await boot(config, { logger, clock }, {
    store,
    watchCalendar: false,
    importModule: async (spec) => (spec.includes('/adapters/mock/') ? { default: module } : import(spec)),
  });

  const hash = await booted.services.hasher.hashPassword(BENCH_PASSWORD);
  const usernames: string[] = [];
  const now = clock.now().toISOString();
  for (const account of await store.accounts.list()) {
    await store.accounts.update(account.id, {
      passwordHash: hash, mustChangePassword: false, initialSecretHash: undefined, initialSecretExpiresAt: undefined, updatedAt: now,
    });
    usernames.push(account.username);
  }
  await store.flush();

  return {
    booted,
    clock,
    sisCalls,
    storeWrites,
    usernames,
    bootMs: performance.now() - started,
    async storeFileBytes() {
      const sizes: Record<string, number> = {};
      if (options.databaseUrl) return sizes;
      for (const name of await readdir(storeDir)) {
        if (name.endsWith('.json')) sizes[name.slice(0, -5)] = (await stat(join(storeDir, name))).size;
      }
      return sizes;
    },
    async stop() {
      await booted.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
