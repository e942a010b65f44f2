/**
 * Two bench-only routes in the gateway under test, for `bench/cpu-per-request.ts`: what the
 * middleware chain costs before any page is looked up, rendered or audited. Both send a Buffer of
 * `?bytes=` bytes (the size of the page measured) as Express sending the page's bytes does:
 *   /bench/probe/top    the first layer of the app, before every middleware;
 *   /bench/probe/chain  just before the parent pages' router: after the request log, headers,
 *                       sessions, CSRF, locale, passport, the login, staff and account routers.
 * Inserted into the app's router stack after boot: the gateway itself has no such route.
 */
import type { Server } from 'node:http';
import express from 'express';

interface Layer { name: string; handle: { length: number } }
type Stack = Layer[];

const buffers = new Map<number, Buffer>();
function sendBytes(req: express.Request, res: express.Response): void {
  const n = Math.min(Number(req.query.bytes ?? 0) || 0, 10 * 1024 * 1024);
  let body = buffers.get(n);
  if (!body) {
    body = Buffer.alloc(n, 'a');
    buffers.set(n, body);
  }
  res.type('html').send(body);
}

export function installChainProbe(server: Server): void {
  const app = server.listeners('request')[0] as express.Express | undefined;
  const stack = (app as unknown as { router?: { stack: Stack } } | undefined)?.router?.stack;
  if (!app || !stack) throw new Error('chain probe: the server\'s request listener is not an Express app');
  // The app ends in: the parent pages' router, the 404 handler, the error handler (4 arguments).
  const parentPages = stack.length - 3;
  if (stack[stack.length - 1]?.handle.length !== 4 || stack[parentPages]?.name !== 'router') {
    throw new Error('chain probe: the app no longer ends in the parent pages, the 404 and the error handler (gateway/app.ts)');
  }
  app.get('/bench/probe/top', sendBytes);
  app.get('/bench/probe/chain', sendBytes);
  const [top, chain] = stack.splice(stack.length - 2, 2) as [Layer, Layer];
  stack.splice(parentPages, 0, chain);
  stack.unshift(top);
}
