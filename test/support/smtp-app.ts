/**
 * The mocha set-up most mail tests share: one real SMTP server for the suite (test/support/smtp.ts),
 * and for each test a fresh app (createTestApp) whose mail goes to it, with the messages of the
 * test before cleared and the app's mail transport closed after. Call at the top of a describe():
 *
 *   const mail = useSmtpApp({ now: '2027-07-04T10:00:00+02:00' });
 *   it('…', async () => { const { t, smtp } = mail; … smtp.to('x@example.net') … });
 *
 * `values` are merged into the SMTP settings (a `mail` key of their own keeps the SMTP transport);
 * a function is called per test, for values that need the server's port or a fresh directory.
 */
import { createTestApp, type TestApp } from './app.ts';
import { smtpValues, startTestSmtp, type TestSmtp } from './smtp.ts';
import type { ServiceOverrides } from '../../gateway/services.ts';

export interface SmtpAppOptions {
  now?: string;
  values?: Record<string, unknown> | ((smtp: TestSmtp) => Record<string, unknown> | Promise<Record<string, unknown>>);
  overrides?: ServiceOverrides;
  /** Runs after the app is made, before the test (e.g. to start jobs); its own teardown goes in afterEach. */
  ready?: (t: TestApp, smtp: TestSmtp) => void | Promise<void>;
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `extra` over `base`, nested objects merged key by key (arrays and values replaced). */
export function mergeValues(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const before = out[key];
    out[key] = isPlain(before) && isPlain(value) ? mergeValues(before, value) : value;
  }
  return out;
}

export function useSmtpApp(options: SmtpAppOptions = {}): { readonly t: TestApp; readonly smtp: TestSmtp } {
  let smtp: TestSmtp | undefined;
  let t: TestApp | undefined;
  before(async () => { smtp = await startTestSmtp(); });
  after(async () => { await smtp?.stop(); });
  beforeEach(async () => {
    smtp!.messages.length = 0;
    smtp!.refuse.clear();
    const values = typeof options.values === 'function' ? await options.values(smtp!) : options.values ?? {};
    t = await createTestApp({
      ...(options.now && { now: options.now }),
      values: mergeValues(smtpValues(smtp!.port), values),
      ...(options.overrides && { overrides: options.overrides }),
    });
    await options.ready?.(t, smtp!);
  });
  afterEach(async () => {
    await t?.services.mailer.close?.();
    t = undefined;
  });
  return {
    get t() {
      if (!t) throw new Error('useSmtpApp: no app (used outside a test?)');
      return t;
    },
    get smtp() {
      if (!smtp) throw new Error('useSmtpApp: no SMTP server (used outside a test?)');
      return smtp;
    },
  };
}
