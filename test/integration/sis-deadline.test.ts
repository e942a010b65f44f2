/**
 * A trickling SIS: a real local HTTP server answers the ParnasSys adapter's SOAP call with one
 * byte every 100 ms, for ever, so the HTTP client's idle timeout never fires. The adapter's
 * whole-call deadline (sis.stack[].deadline) ends the call as SIS_UNAVAILABLE, and every reader
 * waiting on that record is released.
 */
import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isSisError } from '../../adapters/contract/index.ts';
import { createSisStackFromConfig } from '../../gateway/adapters/index.ts';
import { loadConfig } from '../../gateway/config/index.ts';
import { createLogger } from '../../gateway/logger.ts';
import { createSisService } from '../../gateway/sis/index.ts';
import { createMemoryStore } from '../../gateway/store/memory-store.ts';
import { SERVICE_PATH, testConfig } from '../fixtures/parnassys/soap.ts';
import { manualClock } from '../support/clock.ts';

describe('SIS whole-call deadline: a trickling answer', function () {
  this.timeout(20_000);
  let server: Server;
  const open = new Set<NodeJS.Timeout>();
  let bytesSent = 0;

  before(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      res.write('<?xml version="1.0"?>');
      const timer = setInterval(() => {
        bytesSent += 1;
        res.write(' ');
      }, 100);
      open.add(timer);
      res.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  after(async () => {
    for (const timer of open) clearInterval(timer);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('fails the call as SIS_UNAVAILABLE at the deadline and releases every waiter', async () => {
    const { port } = server.address() as AddressInfo;
    const config = loadConfig({
      file: 'config/demo.yaml', env: {},
      values: {
        log: { level: 'silent' },
        sis: {
          http: { timeout: '10s' },
          stack: [{ adapter: 'parnassys', deadline: '600ms', config: testConfig({ endpoint: `http://127.0.0.1:${port}${SERVICE_PATH}` }) }],
        },
      },
    });
    const clock = manualClock('2026-10-01T10:00:00+02:00');
    const stack = await createSisStackFromConfig(config, { logger: createLogger(config), clock });
    const sis = createSisService({
      adapter: stack, cache: createMemoryStore().cache, clock, logger: createLogger(config),
      ttl: { ...config.cache.ttl }, staleMaxAgeMs: config.cache.staleMaxAge,
    });

    const waiters = [sis.getStudent('1001'), sis.getStudent('1001'), sis.getStudent('1001')];
    const outcomes = await Promise.allSettled(waiters);
    expect(outcomes.map((o) => o.status)).to.deep.equal(['rejected', 'rejected', 'rejected']);
    for (const o of outcomes) expect((o as PromiseRejectedResult).reason).to.have.property('code', 'SIS_NO_DATA');
    expect(bytesSent, 'the answer was still trickling').to.be.greaterThan(0);

    let direct: unknown;
    await stack.getStudent!('1001').catch((err: unknown) => (direct = err));
    expect(isSisError(direct, 'SIS_UNAVAILABLE'), String(direct)).to.equal(true);
    expect(String((direct as Error).message)).to.include('deadline');
    await stack.close?.();
  });
});
