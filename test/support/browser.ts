/**
 * A real browser for the e2e tests: Debian's Chromium driven by playwright-core (no browser
 * downloads). One browser per mocha suite, a fresh context (cookies, storage) per test, and every
 * page's console errors and uncaught exceptions collected, so a test can assert the page stayed
 * clean. Chromium reports CSP violations as console errors, so they land in the same list.
 *
 *   const browser = useBrowser();            // at the top of a describe()
 *   it('…', async () => { const page = await browser.newPage(); … browser.problems … });
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.OUDERPOORT_CHROMIUM ?? '/usr/bin/chromium';

/**
 * We run as root (no sandbox) on a closed network: without the background-networking flags
 * Chromium keeps trying to reach Google, and the refused connections slow start-up.
 */
export const CHROMIUM_ARGS: readonly string[] = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
}

/** Something a page did that a clean page never does. */
export interface PageProblem {
  kind: 'console' | 'pageerror';
  text: string;
  /** The page it happened on. */
  url: string;
  /** Where the console says it comes from (for a failed load: the resource), when it says. */
  source?: string;
}

export interface BrowserFixture {
  /** A page in this test's context (created on first use with `contextOptions`). */
  newPage(): Promise<Page>;
  /** This test's context; throws before the first newPage(). */
  readonly context: BrowserContext;
  /** Console errors (CSP violations included) and uncaught page errors since the test began. */
  readonly problems: readonly PageProblem[];
}

/**
 * Registers before/after hooks in the calling describe(): the browser starts once, each test gets
 * its own context, and everything is closed afterwards even when a test fails.
 */
export function useBrowser(contextOptions: BrowserContextOptions = {}): BrowserFixture {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let problems: PageProblem[] = [];

  before(async function () {
    this.timeout(30_000);
    browser = await launchChromium();
  });

  beforeEach(() => {
    problems = [];
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  after(async () => {
    await browser?.close();
    browser = undefined;
  });

  function watch(page: Page): void {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const source = message.location().url;
      problems.push({ kind: 'console', text: message.text(), url: page.url(), ...(source && { source }) });
    });
    page.on('pageerror', (error) => {
      problems.push({ kind: 'pageerror', text: error.message, url: page.url() });
    });
  }

  return {
    async newPage() {
      if (!browser) throw new Error('useBrowser: the browser is not running (call newPage() inside a test)');
      context ??= await browser.newContext(contextOptions);
      const page = await context.newPage();
      watch(page);
      return page;
    },
    get context() {
      if (!context) throw new Error('useBrowser: no context yet; call newPage() first');
      return context;
    },
    get problems() {
      return problems;
    },
  };
}
