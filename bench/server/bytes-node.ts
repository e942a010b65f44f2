/**
 * The lowest baseline: raw `node:http` sending a page's bytes from memory (a Buffer captured from
 * the gateway under test). No routing, no headers beyond type and length: what one Node process on
 * this machine can answer at all, so the gateway's share of it is its distance from the limit.
 */
import http from 'node:http';
import { listenLoopback, type BytesUnderTest } from './listen-loopback.ts';

export function startBytesNode(pages: ReadonlyMap<string, Buffer>): Promise<BytesUnderTest> {
  const server = http.createServer((req, res) => {
    const body = pages.get(req.url ?? '');
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
  return listenLoopback(server);
}
