/**
 * Harness for the parent-pages integration tests: the real parent router, views and i18n over the
 * real mock SIS (spied, so tests can see every adapter call) behind the real SisService and the
 * memory store. A test middleware plays the app's auth: it sets req.user, the CSRF token and a
 * request id.
 */
import { GRANTABLE_SECTIONS } from '../../gateway/accounts/staff-actions.ts';
import { localDateOf } from '../../gateway/policy/local-time.ts';
import { sectionsGranted } from '../../gateway/privacy/grant.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { parse } from 'yaml';
import type { SisAdapter } from '../../adapters/contract/index.ts';
import { createMockAdapter, type MockConfigInput } from '../../adapters/mock/index.ts';
import { createI18nMiddleware } from '../../gateway/i18n/middleware.ts';
import { createChildHandles, type ChildHandles } from '../../gateway/privacy/child-handles.ts';
import { createParentRouter, portalTextSchema, type SectionPolicy } from '../../gateway/routes/parent/index.ts';
import { createSecurityEventRecorder, installSecurityEvents } from '../../gateway/security-events/index.ts';
import { createSisService } from '../../gateway/sis/index.ts';
import type { SisService } from '../../gateway/sis/types.ts';
import { createMemoryStore, type Store } from '../../gateway/store/index.ts';
import { createViewEngine } from '../../gateway/views/engine.ts';
import { manualClock, type ManualClock } from '../support/clock.ts';
import { demoResultsStory } from '../unit/results/demo-story.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const viewsDir = path.join(root, 'views');
export const portal = portalTextSchema.parse((parse(readFileSync(path.join(root, 'config/demo.yaml'), 'utf8')) as { portal: unknown }).portal);

const HOUR = 3600_000;
const silent = { debug() {}, info() {}, warn() {}, error() {} };

export interface AdapterCall {
  method: string;
  args: unknown[];
}

export interface Viewer {
  accountId: string;
  guardianId: string;
  scope: 'full' | 'limited';
}

export interface Harness {
  app: Express;
  store: Store;
  sis: SisService;
  /** The unspied adapter, for looking up expected data without counting as a call. */
  sisData: SisAdapter;
  calls: AdapterCall[];
  handles: ChildHandles;
  clock: ManualClock;
  viewer: Viewer;
  /** Switches to another parent (an account is created for them on first use). */
  as(guardianId: string, scope?: Viewer['scope']): Promise<void>;
  /** The handle the current viewer's page links use for a student. */
  handleOf(studentId: string): string;
  /** Whether any adapter call so far named this id. */
  calledWith(id: string): boolean;
}

function spy(adapter: SisAdapter, calls: AdapterCall[]): SisAdapter {
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => {
        calls.push({ method: prop, args });
        return value.apply(target, args);
      };
    },
  });
}

export async function createHarness(options: {
  guardianId: string;
  scope?: Viewer['scope'];
  policy?: SectionPolicy;
  mock?: MockConfigInput;
  now?: string;
  /** Changes what the SIS answers (e.g. a pupil without a group yet). */
  wrap?: (adapter: SisAdapter) => SisAdapter;
}): Promise<Harness> {
  const clock = manualClock(options.now ?? '2026-11-28T10:00:00Z');
  const store = createMemoryStore();
  const mockConfig: MockConfigInput = { pupils: 40, ...options.mock };
  const mock = createMockAdapter(mockConfig, { clock });
  const adapter = options.wrap ? options.wrap(mock) : mock;
  const sisData = createMockAdapter({ ...mockConfig, outage: undefined }, { clock });
  const calls: AdapterCall[] = [];
  const sis = createSisService({
    adapter: spy(adapter, calls),
    cache: store.cache,
    clock,
    logger: silent,
    ttl: { student: HOUR, guardian: HOUR, guardiansOfStudent: HOUR, absences: HOUR / 4, results: HOUR, reports: HOUR, medical: HOUR / 4 },
    staleMaxAgeMs: 7 * 24 * HOUR,
  });
  const handles = createChildHandles('integration-test-handle-secret');

  const app = express();
  app.engine('hbs', createViewEngine({ viewsDir, cache: true }));
  app.set('view engine', 'hbs');
  app.set('views', viewsDir);
  app.use(createI18nMiddleware({ defaultLocale: 'nl' }));

  let requests = 0;
  const harness: Harness = {
    app, store, sis, sisData, calls, handles, clock,
    viewer: { accountId: '', guardianId: '', scope: 'full' },
    async as(guardianId, scope = 'full') {
      const accountId = `acc-${guardianId}`;
      if (!(await store.accounts.get(accountId))) {
        const at = clock.now().toISOString();
        await store.accounts.create({
          id: accountId, guardianId, username: `ouder-${guardianId.toLowerCase()}`, mustChangePassword: false,
          status: 'active', scope, email: `${guardianId.toLowerCase()}@example.org`, createdAt: at, updatedAt: at,
        });
      }
      harness.viewer = { accountId, guardianId, scope };
    },
    handleOf: (studentId) => handles.handleFor(harness.viewer.accountId, studentId),
    calledWith: (id) => calls.some((c) => c.args.includes(id)),
  };

  app.use((req, res, next) => {
    // As passport does: a limited account's sections are its grant's (while it lasts); a limited
    // account a test gave no grant stands for one granted every grantable section.
    const limited = harness.viewer.scope === 'limited';
    const account = limited ? store.accounts.get(harness.viewer.accountId) : Promise.resolve(undefined);
    account.then((a) => {
      const granted = a?.grant ? sectionsGranted(a, localDateOf(clock.now(), 'Europe/Amsterdam')) : undefined;
      const sections = !limited ? undefined : a?.grant ? (granted === 'all' ? undefined : granted ?? []) : [...GRANTABLE_SECTIONS];
      req.user = { ...harness.viewer, ...(sections ? { sections } : {}) };
      res.locals.csrfToken = 'test-csrf-token';
      requests += 1;
      res.locals.requestId = `req-${requests}`;
      next();
    }, next);
  });
  app.use(installSecurityEvents(createSecurityEventRecorder({ logger: silent, clock, store, secret: 'x'.repeat(40) })));
  app.use(createParentRouter({
    sis, store, clock, logger: silent, portal, handles, results: demoResultsStory,
    ...(options.policy ? { policy: options.policy } : {}),
  }));

  await harness.as(options.guardianId, options.scope);
  return harness;
}

/** The visible text of a page, tags removed and whitespace collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The ids of a guardian's children with gezag, from the SIS itself. */
export async function gezagChildren(h: Harness, guardianId: string): Promise<string[]> {
  const guardian = await h.sisData.getGuardian!(guardianId);
  return guardian.children.filter((l) => l.gezag).map((l) => l.studentId);
}
