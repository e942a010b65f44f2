/**
 * Express 5 sending a page's bytes from memory (captured from the gateway under test), ETag off
 * (the gateway's pages are no-store; hashing 56 KB per request would be a cost of the baseline,
 * not of the page). What Express's own router and response cost on this machine, without any
 * middleware or rendering: the gateway's target share (issue 23) is taken of this.
 */
import http from 'node:http';
import express from 'express';
import { listenLoopback, type BytesUnderTest } from './listen-loopback.ts';

export function startBytesExpress(pages: ReadonlyMap<string, Buffer>): Promise<BytesUnderTest> {
  const app = express();
  app.set('x-powered-by', false);
  app.set('etag', false);
  for (const [path, body] of pages) app.get(path, (_req, res) => res.type('html').send(body));
  return listenLoopback(http.createServer(app));
}
