/** Shared helpers for the OSO adapter's unit tests: fixture folders in temp dirs, a recording logger. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AdapterLogger } from '../../../adapters/contract/index.ts';
import { createOsoAdapter, type OsoConfigInput, type OsoSisAdapter } from '../../../adapters/oso/index.ts';
import { manualClock, type ManualClock } from '../../support/clock.ts';

export const FIXTURES = new URL('../../fixtures/oso/', import.meta.url).pathname;

/** A date in school year 2025-2026, when the project's fixture pupils are at school. */
export const SCHOOL_NOW = '2026-01-15T09:00:00Z';
/** A date when the Edustandaard example pupil was in groep 8. */
export const EXAMPLE_NOW = '2016-02-01T09:00:00Z';

export interface LogLine {
  level: string;
  obj: object | string;
  msg?: string;
}

export function recordingLogger(): AdapterLogger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: string) => (obj: object | string, msg?: string) => {
    lines.push({ level, obj, msg });
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A temp folder holding copies of fixture files (paths relative to test/fixtures/oso/). */
export class TempFolder {
  readonly dir = mkdtempSync(join(tmpdir(), 'ouderpoort-oso-'));

  constructor(...fixtures: string[]) {
    for (const f of fixtures) this.add(f);
  }

  /** Copies a fixture in, under its own name or `as`. */
  add(fixture: string, as?: string): string {
    const target = join(this.dir, as ?? fixture.split('/').at(-1)!);
    cpSync(join(FIXTURES, fixture), target);
    return target;
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface TestAdapter {
  adapter: OsoSisAdapter;
  clock: ManualClock;
  logger: ReturnType<typeof recordingLogger>;
}

/** An adapter over `dir` with a manual clock, a recording logger and no real watcher unless asked. */
export function osoAdapter(config: OsoConfigInput, now = SCHOOL_NOW, deps: Parameters<typeof createOsoAdapter>[1] = {}): TestAdapter {
  const clock = manualClock(now);
  const logger = recordingLogger();
  const adapter = createOsoAdapter({ watch: false, ...config }, { clock, logger, ...deps });
  return { adapter, clock, logger };
}

export { expectSisError, rejectionOf } from '../../support/sis-errors.ts';
