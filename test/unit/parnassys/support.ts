/** Shared helpers for the ParnasSys adapter's unit tests. */
import axios, { type AxiosInstance } from 'axios';
import { type AdapterLogger, type SisAdapter } from '../../../adapters/contract/index.ts';
import { createParnassysAdapter, type ParnassysConfigInput } from '../../../adapters/parnassys/index.ts';
import { FIXTURE_NOW, testConfig } from '../../fixtures/parnassys/soap.ts';
import { manualClock, type ManualClock } from '../../support/clock.ts';

export interface LogLine {
  level: keyof AdapterLogger;
  obj: unknown;
  msg?: string;
}

export function recordingLogger(): { logger: AdapterLogger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: keyof AdapterLogger) => (obj: object | string, msg?: string) => {
    lines.push({ level, obj, msg });
  };
  return { lines, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
}

export interface Built {
  adapter: SisAdapter;
  clock: ManualClock;
  lines: LogLine[];
}

/** An adapter over a real axios instance (nock intercepts it), a manual clock and a recording logger. */
export function buildAdapter(
  overrides: Partial<ParnassysConfigInput> = {},
  options: { now?: string; http?: AxiosInstance } = {},
): Built {
  const clock = manualClock(options.now ?? FIXTURE_NOW);
  const { logger, lines } = recordingLogger();
  const adapter = createParnassysAdapter(testConfig(overrides), { http: options.http ?? axios.create(), clock, logger });
  return { adapter, clock, lines };
}

export { expectSisError, rejectionOf } from '../../support/sis-errors.ts';
