/**
 * The real app over the mock SIS for integration tests: demo config, in-memory store, a manual
 * clock, a cheap password hasher, a log sink, and a record of every SIS adapter call.
 */
import { Writable } from 'node:stream';
import { applyDemoAccounts, type DemoLogin } from '../../gateway/accounts/demo-accounts.ts';
import { provisionAccounts } from '../../gateway/accounts/provision.ts';
import { createApp } from '../../gateway/app.ts';
import { createPasswordHasher } from '../../gateway/auth/password-hash.ts';
import { loadConfig } from '../../gateway/config/index.ts';
import { createLogger } from '../../gateway/logger.ts';
import { createServices, type ServiceOverrides, type Services } from '../../gateway/services.ts';
import { createMemoryStore } from '../../gateway/store/memory-store.ts';
import { manualClock } from './clock.ts';
import { interceptCalls, mockImportWith } from './sis-with.ts';

export interface SisCall { method: string; args: unknown[] }

export interface TestApp {
  app: ReturnType<typeof createApp>;
  services: Services;
  clock: ReturnType<typeof manualClock>;
  sisCalls: SisCall[];
  logs: () => string;
  demoLogins: DemoLogin[];
}

/** The data key every test app seals its corrections with (store.dataKey). */
export const TEST_DATA_KEY = 'test-data-key-'.padEnd(48, 'k');

export const CHEAP_HASHER = createPasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });

export async function createTestApp(
  options: { now?: string; values?: Record<string, unknown>; overrides?: ServiceOverrides } = {},
): Promise<TestApp> {
  const clock = manualClock(options.now ?? '2027-03-01T10:00:00+01:00');
  let output = '';
  const sink = new Writable({ write(chunk, _enc, cb) { output += String(chunk); cb(); } });
  const config = loadConfig({
    file: 'config/demo.yaml',
    env: {},
    values: { log: { level: 'info' }, ...options.values },
  });
  const logger = createLogger(config, sink);
  const sisCalls: SisCall[] = [];
  const services = await createServices(config, { logger, clock, sessionSecret: 'x'.repeat(40), dataKey: TEST_DATA_KEY }, {
    store: createMemoryStore(),
    hasher: CHEAP_HASHER,
    watchCalendar: false,
    importModule: mockImportWith((adapter) => interceptCalls(adapter, (method, args, call) => {
      sisCalls.push({ method, args });
      return call();
    })),
    ...options.overrides,
  });
  await provisionAccounts({ sis: services.sis, accounts: services.store.accounts, clock }, { invitationValidityMs: config.auth.invitationValidity });
  const demoLogins = await applyDemoAccounts({ accounts: services.store.accounts, hasher: CHEAP_HASHER, clock }, config.demo.accounts, config.auth.invitationValidity);
  sisCalls.length = 0;
  return { app: createApp(services), services, clock, sisCalls, logs: () => output, demoLogins };
}

export const DEMO = {
  parent: { username: 'demo.ouder', password: 'fietsen langs de bloeiende dijk', guardianId: 'V2001' },
  separated: { username: 'demo.gescheiden', password: 'koffie met appeltaart op zondag', guardianId: 'V2003' },
  firstLogin: { username: 'demo.nieuw', secret: 'BRQN7-DEM2A-WELKM-START-XXY3Z', guardianId: 'V2004' },
  father: { username: 'demo.vader', password: 'zeilboot op het grote meer varen', guardianId: 'V2011' },
  mother: { username: 'demo.moeder', password: 'lavendel in de tuin achter het huis', guardianId: 'V2010' },
} as const;

/** The CSRF token in a rendered page's first form. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no CSRF token in page');
  return match[1];
}
