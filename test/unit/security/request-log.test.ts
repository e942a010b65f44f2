/**
 * The one log line per request (gateway/http/request-log.ts): id, method, path without the query,
 * status and time — nothing else of the request, even a query or header the redaction would have
 * caught — at error level for a 5xx, and "request aborted" for a client that left.
 */
import { Writable } from 'node:stream';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import express from 'express';
import request from 'supertest';
import { createLogger } from '../../../gateway/logger.ts';
import { requestLog } from '../../../gateway/http/request-log.ts';

function appWithLog() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({ write(chunk, _enc, cb) { lines.push(JSON.parse(String(chunk)) as Record<string, unknown>); cb(); } });
  const app = express();
  app.use((req, _res, next) => { (req as { id?: string }).id = 'K7QX2-MPT4A'; next(); });
  app.use(requestLog(createLogger({ log: { level: 'info' } }, sink)));
  app.get('/kind/:handle/resultaten', (_req, res) => { res.send('ok'); });
  app.get('/kapot', (_req, res) => { res.status(503).send('weg'); });
  app.get('/traag', () => { /* never answers */ });
  return { app, lines };
}

describe('http: the request log line', () => {
  it('holds the id, method, path without query, status and time, and no header, cookie or query', async () => {
    const { app, lines } = appWithLog();
    await request(app).get('/kind/h-3f9a/resultaten?email=ouder@example.nl&bsn=123456782')
      .set('Cookie', '__Host-sid=s%3Aabc').set('Authorization', 'Bearer xyz').expect(200);
    expect(lines).to.have.length(1);
    const line = lines[0]!;
    expect(line).to.include({ level: 30, reqId: 'K7QX2-MPT4A', msg: 'request completed' });
    expect(line.req).to.deep.equal({ method: 'GET', path: '/kind/h-3f9a/resultaten' });
    expect(line.res).to.deep.equal({ status: 200 });
    expect(line.responseTime).to.be.a('number');
    const text = JSON.stringify(line);
    for (const secret of ['ouder@example.nl', '123456782', 'abc', 'xyz', 'email']) expect(text).to.not.include(secret);
  });

  it('logs a 5xx at error level', async () => {
    const { app, lines } = appWithLog();
    await request(app).get('/kapot').expect(503);
    expect(lines[0]).to.include({ level: 50, msg: 'request errored' });
    expect(lines[0]!.res).to.deep.equal({ status: 503 });
  });

  it('logs a request the client gave up on once, as aborted', async () => {
    const { app, lines } = appWithLog();
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const logged = new Promise<void>((resolve) => {
      const timer = setInterval(() => { if (lines.length > 0) { clearInterval(timer); resolve(); } }, 5);
    });
    const req = http.get({ host: '127.0.0.1', port, path: '/traag' });
    req.on('error', () => undefined);
    setTimeout(() => req.destroy(), 50);
    await logged;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(lines).to.have.length(1);
    expect(lines[0]).to.include({ msg: 'request aborted' });
    expect(lines[0]!.req).to.deep.equal({ method: 'GET', path: '/traag' });
  });
});
