import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The churn child's shape of data: this many documents of "bulk", each with a payload this long. */
export const CHURN_DOCS = 40;
export const CHURN_PAYLOAD_CHARS = 20_000;

const CHILD_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'children', 'store-child.ts');

/** Temp directories for one test file; `cleanup()` in an afterEach removes them. */
export function tempDirs(): { make(): Promise<string>; cleanup(): Promise<void> } {
  const made: string[] = [];
  return {
    async make() {
      const dir = await mkdtemp(join(tmpdir(), 'ouderpoort-store-'));
      made.push(dir);
      return join(dir, 'store');
    },
    async cleanup() {
      for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface Child {
  process: ChildProcessWithoutNullStreams;
  /** Resolves with the first stdout line passing `match`. */
  line(match: (line: string) => boolean): Promise<string>;
  /** Resolves with exit code (null when killed), stdout and stderr once the child has exited. */
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

export function spawnStoreChild(mode: 'try' | 'hold' | 'churn', dir: string): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, mode, dir], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners: ((line: string) => void)[] = [];
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) for (const listener of [...listeners]) listener(line);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return {
    process: child,
    exit,
    line: (match) => new Promise((resolve, reject) => {
      const listener = (line: string): void => {
        if (!match(line)) return;
        listeners.splice(listeners.indexOf(listener), 1);
        resolve(line);
      };
      listeners.push(listener);
      void exit.then((result) => reject(new Error(`child exited (${result.code ?? result.signal}) before the line: ${result.stderr}`)));
    }),
  };
}

/** Records log lines so tests can count what the store did (pino style: assert through a sink). */
export function logSink(): {
  logger: { debug: Log; warn: Log; error: Log };
  lines: { level: string; obj: Record<string, unknown>; msg?: string }[];
} {
  const lines: { level: string; obj: Record<string, unknown>; msg?: string }[] = [];
  const at = (level: string): Log => (obj, msg) => {
    lines.push({ level, obj: typeof obj === 'string' ? { msg: obj } : (obj as Record<string, unknown>), msg });
  };
  return { logger: { debug: at('debug'), warn: at('warn'), error: at('error') }, lines };
}

type Log = (obj: object | string, msg?: string) => void;
