/**
 * The demo school as `npm start` runs it (config/demo.yaml on the mock SIS), booted on a free
 * loopback port with its store in a temporary directory, a fixed clock and a cheap password hash.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPasswordHasher } from '../../gateway/auth/password-hash.ts';
import { boot, type Booted } from '../../gateway/boot.ts';
import { loadConfig } from '../../gateway/config/index.ts';
import { createLogger } from '../../gateway/logger.ts';
import { useBrowser, type BrowserFixture } from '../support/browser.ts';
import { manualClock, type ManualClock } from '../support/clock.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Autumn of the mock school's year 2026-2027: its method tests belong to "this school year",
 * and the LVS history of earlier years is there too.
 */
export const DEMO_NOW = '2027-03-01T10:00:00+01:00';

export interface DemoApp {
  booted: Booted;
  clock: ManualClock;
  /** Stops the server and removes the store directory. */
  stop(): Promise<void>;
}

/** `values` override config/demo.yaml (e.g. calendar.file, for a test that saves the calendar). */
export async function startDemoApp(options: { values?: Record<string, unknown> } = {}): Promise<DemoApp> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ouderpoort-e2e-'));
  try {
    const config = loadConfig({
      file: path.join(REPO_ROOT, 'config', 'demo.yaml'),
      values: { server: { port: 0 }, store: { lowdb: { dir } }, log: { level: 'silent' }, demo: { idp: { port: 0 } }, ...options.values },
      // No secrets from the developer's shell: demo mode makes its own session secret.
      env: {},
    });
    const clock = manualClock(DEMO_NOW);
    const logger = createLogger(config);
    // OWASP cost is the production setting; a test only needs argon2id to run, not to be slow.
    const hasher = createPasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
    const booted = await boot(config, { logger, clock }, { hasher });
    return {
      booted,
      clock,
      async stop() {
        try {
          await booted.stop();
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * The demo app for one mocha suite: started before its tests, stopped after. Call at the top of a
 * describe(); read `.app` and `.url` inside the tests.
 */
export function useDemoApp(options: { values?: Record<string, unknown> } = {}): { readonly app: DemoApp; readonly url: string } {
  let app: DemoApp | undefined;
  before(async () => {
    app = await startDemoApp(options);
  });
  after(async () => {
    await app?.stop();
  });
  return {
    get app() {
      if (!app) throw new Error('the demo app is not started (useDemoApp outside a describe?)');
      return app;
    },
    get url() {
      return this.app.booted.url;
    },
  };
}

/**
 * What most browser suites start with: a browser as a Dutch parent's (nl-NL, the school's time
 * zone) and the demo app, set up in that order. Call at the top of a describe().
 */
export function useDemoInBrowser(): { readonly browser: BrowserFixture; readonly demo: ReturnType<typeof useDemoApp> } {
  return { browser: useBrowser({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' }), demo: useDemoApp() };
}
