/** Starts the server under test in a child process (production mode) and talks to it over IPC. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command, Ready, Reply, ServerSpec, ServerStats, TickResult } from './protocol.ts';

const ENTRY = fileURLToPath(new URL('../server/main.ts', import.meta.url));

export interface ServerProcess {
  ready: Ready;
  pid: number;
  reset(): Promise<void>;
  stats(): Promise<ServerStats>;
  tick(at: string): Promise<TickResult>;
  stop(): Promise<void>;
}

export async function startServer(spec: ServerSpec, options: { timeoutMs?: number } = {}): Promise<ServerProcess> {
  const child: ChildProcess = fork(ENTRY, [], {
    // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each server under test, for finding what is slow.
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    env: { ...process.env, NODE_ENV: 'production', BENCH_SERVER: JSON.stringify(spec) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // A send on a channel that closed under us is reported through the reply's rejection, not thrown.
  child.on('error', () => undefined);
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    for (const p of pending.values()) p.reject(new Error(`bench server exited (${code})`));
    resolve(code);
  }));

  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('bench server did not start in time'));
    }, options.timeoutMs ?? 120_000);
    child.on('message', (message: { ready: Ready } | Reply) => {
      if ('ready' in message) {
        clearTimeout(timer);
        resolve(message.ready);
        return;
      }
      const waiter = pending.get(message.id);
      if (!waiter) return;
      pending.delete(message.id);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(new Error(`bench server: ${message.error}`));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited before it was ready (${code})`));
    });
  });

  const ask = <T>(command: Command): Promise<T> => new Promise<T>((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    child.send({ ...command, id });
  });

  return {
    ready,
    pid: child.pid ?? -1,
    reset: () => ask<void>({ cmd: 'reset' }),
    stats: () => ask<ServerStats>({ cmd: 'stats' }),
    tick: (at) => ask<TickResult>({ cmd: 'tick', at }),
    async stop() {
      // A server that already died (its error was printed) has nothing to stop.
      if (child.exitCode !== null || child.signalCode !== null || !child.connected) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await ask<void>({ cmd: 'stop' }).catch(() => undefined);
      await exited;
      clearTimeout(timer);
    },
  };
}
