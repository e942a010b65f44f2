/**
 * Runs a pure, CPU-heavy function (parsing a 2 MB SOAP answer, a file of 1,500 dossiers) in a
 * worker thread, so the gateway's event loop keeps serving pages meanwhile. One worker per
 * worker module for the whole process (every adapter instance shares it), started on first use
 * and unref'd while idle (it never keeps the process alive); a worker that dies fails the calls
 * it had and is started again on the next call. It holds no data between calls.
 *
 * The worker module calls `serveOffThread(fn)`. From the sources (.ts, under tsx: `npm start`,
 * `npm test`) the worker gets tsx's loader too; from a build (`npm run build`) it is plain .js.
 * Where no worker can be started, the function runs in-thread, as before.
 *
 * A result's long lists (1,500 pupils' records) can travel in slices (`serveOffThread`'s
 * `sliced`): receiving a structured clone is one uninterrupted block on the main thread, 100 ms
 * and more for a school's dossiers, so the worker serialises each list in parts of about
 * 128 KiB and the main thread reads one part per turn of the event loop (./sliced-lists.ts).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { assembleLists, sliceLists, type SlicedList } from './sliced-lists.ts';

export interface OffThread<I, O> {
  run(input: I, transfer?: ArrayBuffer[]): Promise<O>;
}

const shared = new Map<string, OffThread<unknown, unknown>>();

type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: true; head: Uint8Array; lists: SlicedList[] }
  | { id: number; ok: false; message: string; name?: string };

/**
 * The worker's first code, evaluated: registers tsx's loader when the module is TypeScript (a
 * worker does not inherit the parent's loader, and Node 20 applies `--import` in a worker only
 * after its main module loaded), then imports the module.
 */
const BOOTSTRAP = `const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.module);
})().catch((err) => { setImmediate(() => { throw err; }); });`;

function tsxApi(url: URL): string | undefined {
  if (!url.pathname.endsWith('.ts')) return undefined;
  try {
    // createRequire rather than import.meta.resolve (under mocha the sources run as CommonJS);
    // it finds the CommonJS build, and the worker needs the ES module one beside it.
    return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  } catch {
    return undefined;
  }
}

export function offThread<I, O>(workerUrl: URL, inline: (input: I) => O): OffThread<I, O> {
  let handle = shared.get(workerUrl.href);
  if (!handle) {
    handle = startable(workerUrl, inline as (input: unknown) => unknown);
    shared.set(workerUrl.href, handle);
  }
  return handle as OffThread<I, O>;
}

function startable<I, O>(workerUrl: URL, inline: (input: I) => O): OffThread<I, O> {
  let worker: Worker | undefined;
  let failedToStart = false;
  let nextId = 1;
  const pending = new Map<number, { resolve(v: O): void; reject(e: Error): void }>();

  const failAll = (err: Error) => {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };

  function start(): Worker | undefined {
    if (worker || failedToStart) return worker;
    try {
      // No inherited flags: a parent's `--import tsx` in a Node 20 worker races the bootstrap's own registration.
      const w = new Worker(BOOTSTRAP, { eval: true, execArgv: [], workerData: { module: workerUrl.href, tsx: tsxApi(workerUrl) } });
      w.unref();
      w.on('message', (reply: Reply) => {
        const p = pending.get(reply.id);
        if (!p) return;
        pending.delete(reply.id);
        if (pending.size === 0) w.unref();
        if (reply.ok && 'head' in reply) assembleLists(reply.head, reply.lists).then((v) => p.resolve(v as O), p.reject);
        else if (reply.ok) p.resolve(reply.value as O);
        else p.reject(Object.assign(new Error(reply.message), reply.name ? { name: reply.name } : {}));
      });
      const gone = (err: Error) => {
        if (worker === w) worker = undefined;
        failAll(err);
      };
      w.on('error', gone);
      w.on('exit', (code) => gone(new Error(`parse worker stopped (exit code ${code})`)));
      worker = w;
    } catch {
      failedToStart = true;
    }
    return worker;
  }

  return {
    run(input, transfer = []) {
      const w = start();
      if (!w) return Promise.resolve().then(() => inline(input));
      const id = nextId++;
      return new Promise<O>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        // Referenced while a call is out, so a script awaiting it is not cut short.
        w.ref();
        w.postMessage({ id, input }, transfer);
      });
    },
  };
}

export interface ServeOptions {
  /** Dotted paths of the result's long lists, sent in slices (see the top of this module). */
  sliced?: readonly string[];
}

/** In the worker module: answers each message with `fn(input)`. */
export function serveOffThread<I, O>(fn: (input: I) => O, options: ServeOptions = {}): void {
  if (isMainThread || !parentPort) return;
  const port = parentPort;
  port.on('message', ({ id, input }: { id: number; input: I }) => {
    try {
      const value = fn(input);
      const sliced = options.sliced ? sliceLists(value, options.sliced) : undefined;
      if (sliced) port.postMessage({ id, ok: true, ...sliced.reply }, sliced.transfer);
      else port.postMessage({ id, ok: true, value });
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      port.postMessage({ id, ok: false, message: e.message, name: e.name });
    }
  });
}
