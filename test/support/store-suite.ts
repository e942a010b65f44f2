/**
 * The store conformance suite: every Store implementation runs it unchanged (memory, lowdb, and
 * PostgreSQL later). It takes the runner's functions from the caller, so it does not depend on
 * mocha, and gets a fresh, opened, empty store per test from `make`.
 *
 *   runStoreSuite({ describe, it, beforeEach, afterEach }, { name: 'lowdb', make, reopen, cleanup });
 *
 * Implementations that persist pass `reopen`; that switches the persistence group on. Those whose
 * writes can be broken pass `faults`; that switches the write-failure group on.
 */
import type { Store } from '../../gateway/store/types.ts';
import { accountTests } from './store-suite/accounts.ts';
import { auditTests } from './store-suite/audit.ts';
import { cacheTests } from './store-suite/cache.ts';
import { claimTests } from './store-suite/claims.ts';
import { collectionTests } from './store-suite/collections.ts';
import { lifecycleTests } from './store-suite/lifecycle.ts';
import { persistenceTests } from './store-suite/persistence.ts';
import { sessionTests } from './store-suite/sessions.ts';
import { healthTests, type WriteFaults } from './store-suite/write-failures.ts';
import type { SuiteContext, SuiteRunner } from './store-suite/context.ts';

export type { SuiteRunner } from './store-suite/context.ts';
export type { WriteFaults } from './store-suite/write-failures.ts';

export interface StoreSuiteOptions {
  /** Shown in the suite title. */
  name: string;
  /** A fresh, opened, empty store; called once per test. */
  make: () => Promise<Store>;
  /**
   * For stores that persist: a new, opened instance over the data `previous` wrote (the suite has
   * closed `previous` before calling this).
   */
  reopen?: (previous: Store) => Promise<Store>;
  /**
   * For stores whose writes can be made to fail (an injected file system, a refusing database):
   * switches the write-failure group on.
   */
  faults?: WriteFaults;
  /** Runs after each test, once the suite has closed every store it was given. */
  cleanup?: () => Promise<void>;
}

export function runStoreSuite(runner: SuiteRunner, options: StoreSuiteOptions): void {
  const { describe, beforeEach, afterEach } = runner;
  describe(`store conformance: ${options.name}`, () => {
    let opened: Store[] = [];
    const ctx: SuiteContext = {
      ...runner,
      store: () => {
        const current = opened.at(-1);
        if (!current) throw new Error('store-suite: no store (beforeEach did not run)');
        return current;
      },
      reopen: async () => {
        if (!options.reopen) throw new Error('store-suite: this store does not reopen');
        const previous = ctx.store();
        await previous.close();
        const next = await options.reopen(previous);
        opened.push(next);
        return next;
      },
    };

    beforeEach(async () => {
      opened = [await options.make()];
    });

    afterEach(async () => {
      for (const store of opened) options.faults?.heal(store);
      for (const store of opened) await store.close();
      opened = [];
      await options.cleanup?.();
    });

    accountTests(ctx);
    sessionTests(ctx);
    cacheTests(ctx);
    auditTests(ctx);
    collectionTests(ctx);
    claimTests(ctx);
    lifecycleTests(ctx);
    healthTests(ctx, options.faults);
    if (options.reopen) persistenceTests(ctx);
  });
}
