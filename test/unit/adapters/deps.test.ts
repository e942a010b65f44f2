import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createAdapterDeps, DEFAULT_HTTP_MAX_BYTES, DEFAULT_HTTP_TIMEOUT_MS } from '../../../gateway/adapters/index.ts';
import { createLogger } from '../../../gateway/logger.ts';
import { fixedClock } from '../../support/clock.ts';

function sinkLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger({ log: { level: 'info' } }, stream), lines };
}

describe('createAdapterDeps', () => {
  let server: Server;
  let base: string;
  const hits: string[] = [];

  before(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/redirect') {
        res.writeHead(302, { location: '/elsewhere' }).end();
      } else if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(4096));
      } else if (req.url === '/slow') {
        // Never answers: the client's timeout has to end the request.
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    hits.length = 0;
  });

  const make = (options: { timeoutMs?: number; maxBytes?: number } = {}) => {
    const { logger, lines } = sinkLogger();
    const clock = fixedClock('2026-01-05T08:00:00Z');
    return { deps: createAdapterDeps({ logger, clock, name: 'parnassys', ...options }), lines, clock };
  };

  it('defaults to a 10 s timeout and a 10 MiB cap, and never follows redirects', () => {
    const { deps } = make();
    expect(deps.http.defaults.timeout).to.equal(DEFAULT_HTTP_TIMEOUT_MS).and.equal(10_000);
    expect(deps.http.defaults.maxContentLength).to.equal(DEFAULT_HTTP_MAX_BYTES).and.equal(10 * 1024 * 1024);
    expect(deps.http.defaults.maxBodyLength).to.equal(10 * 1024 * 1024);
    expect(deps.http.defaults.maxRedirects).to.equal(0);
  });

  it('gets ordinary answers', async () => {
    const { deps } = make();
    const res = await deps.http.get(`${base}/ok`);
    expect(res.data).to.deep.equal({ ok: true });
  });

  it('does not follow a redirect', async () => {
    const { deps } = make();
    const err = await deps.http.get(`${base}/redirect`).then(() => undefined, (e: { response?: { status: number } }) => e);
    expect(err?.response?.status).to.equal(302);
    expect(hits).to.deep.equal(['/redirect']);
  });

  it('refuses a body over the cap', async () => {
    const { deps } = make({ maxBytes: 1024 });
    const err = await deps.http.get(`${base}/big`).then(() => undefined, (e: Error) => e);
    expect(err?.message).to.match(/maxContentLength size of 1024 exceeded/);
  });

  it('gives up after the timeout', async () => {
    const { deps } = make({ timeoutMs: 50 });
    const err = await deps.http.get(`${base}/slow`).then(() => undefined, (e: { code?: string }) => e);
    expect(err?.code).to.equal('ECONNABORTED');
  });

  it('gives the adapter a logger that names it, and the clock', () => {
    const { deps, lines, clock } = make();
    deps.logger.info({ guardian: { id: 'g1', email: 'ouder@example.nl' } }, 'fetched');
    expect(lines[0]).to.deep.include({ adapter: 'parnassys', msg: 'fetched', guardian: { id: 'g1', email: '[Redacted]' } });
    expect(deps.clock).to.equal(clock);
  });
});
