/**
 * A real gateway process (`gateway/main.ts`, exactly what `npm run serve` runs) on a config
 * written for the test: the demo school, with the test's overrides laid over it. For the tests
 * that need several instances, or a process to kill.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface GatewayProcess {
  process: ChildProcessWithoutNullStreams;
  /** http://127.0.0.1:port, once it listens. */
  url: string;
  stdout(): string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  /** SIGTERM and wait (graceful stop); SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

type Tree = Record<string, unknown>;

function merge(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === null) {
      delete out[key];
      continue;
    }
    const current = out[key];
    out[key] = value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' && !Array.isArray(current)
      ? merge(current as Tree, value as Tree)
      : value;
  }
  return out;
}

/** Writes `<dir>/<name>.yaml`: config/demo.yaml with `overrides` laid over it (null removes a key), on port 0. */
export function writeDemoConfig(dir: string, name: string, overrides: Tree = {}): string {
  const demo = parse(readFileSync(join(ROOT, 'config/demo.yaml'), 'utf8')) as Tree;
  const file = join(dir, `${name}.yaml`);
  // Every port is the system's choice, the demo IdP's too, so two gateways (and parallel suites) never collide.
  const base = { server: { port: 0 }, demo: { idp: { port: 0 } }, log: { level: 'warn' }, mail: { file: { dir: join(dir, 'mail') } } };
  writeFileSync(file, stringify(merge(merge(demo, base), overrides)));
  return file;
}

export async function startGateway(configFile: string, env: Record<string, string>, timeoutMs = 60_000, args: readonly string[] = []): Promise<GatewayProcess> {
  const { OUDERPOORT_CONFIG: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/main.ts', '--config', configFile, ...args], {
    cwd: ROOT, env: { ...inherited, ...env }, stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start in ${timeoutMs} ms: ${stderr}${stdout}`)), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /draait op (http:\/\/[^/\s]+)\/inloggen/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exit.then((r) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited (${r.code ?? r.signal}) before it listened: ${r.stderr}${stdout}`));
    });
  });
  return {
    process: child,
    url,
    stdout: () => stdout,
    exit,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
}

/**
 * Waits until `done()` holds, asking every 100 ms: for what other processes do in their own time
 * (a delivery, a job run). Throws naming `what` after `timeoutMs`.
 */
export async function until(what: string, done: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!await done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
