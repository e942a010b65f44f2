/**
 * Starting the demo at another moment or with the SIS down, without copying a config file:
 *
 *   npm start -- --date 2027-06-10          # results closed for the June report
 *   npm start -- --date 2026-12-07          # the invitation day: nothing open yet
 *   npm start -- --sis-down                 # the SIS goes down 30 seconds after the start
 *   OUDERPOORT_DEMO_DATE=2027-06-10 OUDERPOORT_DEMO_SIS_DOWN=1 npm start
 *
 * Both become config values laid over the loaded config (`demo.startAt`, an outage of every mock
 * adapter in `sis.stack`), so they are validated like any other. The SIS stays up for the first
 * 30 seconds so the demo accounts are provisioned; after that pages come from the cache with
 * their age, or as the calm 503 page.
 */
import { ConfigError, type Config } from '../config/index.ts';
import type { Env } from '../config/env-secrets.ts';
import { instantOfLocal, isLocalDate } from '../policy/local-time.ts';

export const DEMO_DATE_ENV = 'OUDERPOORT_DEMO_DATE';
export const DEMO_SIS_DOWN_ENV = 'OUDERPOORT_DEMO_SIS_DOWN';
/** Provisioning at boot needs the SIS; it goes down this long after the start. */
export const SIS_DOWN_AFTER_MS = 30_000;
const OUTAGE_MS = 365 * 24 * 3600_000;

export interface DemoStartOptions {
  /** A local date (10:00 that day, school time) or an ISO instant with offset. */
  date?: string;
  sisDown?: boolean;
}

/** The options from command-line flags, else from the environment. */
export function demoStartOptions(flags: { date?: string | undefined; 'sis-down'?: boolean | undefined }, env: Env): DemoStartOptions {
  const date = flags.date ?? (env[DEMO_DATE_ENV]?.trim() || undefined);
  const sisDown = flags['sis-down'] ?? /^(1|true|yes|ja)$/i.test(env[DEMO_SIS_DOWN_ENV]?.trim() ?? '');
  return { ...(date && { date }), ...(sisDown && { sisDown }) };
}

const refuse = (problem: string) => new ConfigError([problem], { title: 'Invalid demo start options' });

/** Config values for `options`, over `config`; `now` is the real clock (the start without --date). */
export function demoStartValues(config: Config, options: DemoStartOptions, now: Date): Record<string, unknown> {
  if (!options.date && !options.sisDown) return {};
  if (!config.demo.enabled) throw refuse('--date and --sis-down (OUDERPOORT_DEMO_DATE, OUDERPOORT_DEMO_SIS_DOWN) only work for the demo: demo.enabled is false');
  const values: Record<string, unknown> = {};
  let start = config.demo.startAt ? new Date(config.demo.startAt) : now;
  if (options.date) {
    const instant = isLocalDate(options.date) ? instantOfLocal(options.date, '10:00', config.school.timezone) : new Date(options.date);
    if (Number.isNaN(instant.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(options.date)) {
      throw refuse(`--date (${DEMO_DATE_ENV}): expected a date like 2027-06-10 or an instant like 2027-06-10T10:00:00+02:00, got "${options.date}"`);
    }
    start = instant;
    values.demo = { startAt: instant.toISOString() };
  }
  if (options.sisDown) {
    const outage = { from: new Date(start.getTime() + SIS_DOWN_AFTER_MS).toISOString(), to: new Date(start.getTime() + OUTAGE_MS).toISOString() };
    const stack = config.sis.stack.map((entry) => (entry.adapter === 'mock'
      ? { ...entry, config: { ...(entry.config as Record<string, unknown>), outage } }
      : entry));
    if (!stack.some((entry) => entry.adapter === 'mock')) throw refuse('--sis-down (OUDERPOORT_DEMO_SIS_DOWN) needs the mock SIS adapter in sis.stack');
    values.sis = { stack };
  }
  return values;
}
