/**
 * The soak's gateway, in its own process so its RSS is its own: the demo school as `npm start`
 * boots it (gateway/boot.ts), a lowdb store in a temp directory, the mock SIS failing 20 % of
 * calls, a clock running from a school day with corrections open. Prints `listening <url>`; on
 * the line `report` on stdin prints one JSON line with the deliveries the mock SIS received and
 * the outbox's state; on `sample` it runs a full garbage collection (the soak starts it with
 * --expose-gc) and prints its memory, so a sample is what is kept, not what is waiting to be freed.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pino } from 'pino';
import type { MockSisAdapter } from '../../adapters/mock/adapter.ts';
import { boot } from '../../gateway/boot.ts';
import { CHANGE_REQUESTS_COLLECTION } from '../../gateway/changes/index.ts';
import { loadConfig } from '../../gateway/config/index.ts';
import { createLogger } from '../../gateway/logger.ts';
import { jumpingClock } from '../server/bench-clock.ts';

const dir = await mkdtemp(join(tmpdir(), 'ouderpoort-soak-'));
const config = loadConfig({
  file: 'config/demo.yaml', env: {},
  values: {
    server: { port: 0, host: '127.0.0.1' },
    sis: { stack: [{ adapter: 'mock', config: { hideFuture: true, errorRate: 0.2 } }] },
    store: { lowdb: { dir: join(dir, 'store') } },
    outbox: { pollInterval: '2s', retry: { base: '1s', max: '10s', maxAttempts: 50 } },
    log: { level: 'info' },
  },
});
// SOAK_LOG keeps the gateway's log where it says (the temp directory goes at the end).
const logger = createLogger(config, pino.destination({ dest: process.env.SOAK_LOG ?? join(dir, 'gateway.log'), sync: false, mkdir: true }));
const clock = jumpingClock('2027-03-01T10:00:00+01:00');
const booted = await boot(config, { logger, clock }, {}, { provisionRetry: { baseMs: 200, maxMs: 2000 } });
await booted.provisioning.succeeded;
const sis = booted.services.stack.adapters[0] as MockSisAdapter;

async function storeFilesKb(): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const name of await readdir(join(dir, 'store'))) sizes[name] = Math.round((await stat(join(dir, 'store', name))).size / 1024);
  return sizes;
}

process.stdout.write(`listening ${booted.url}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'report') {
    const outbox = await booted.services.outbox.list({ kind: 'change' });
    const requests = await booted.services.store.collection(CHANGE_REQUESTS_COLLECTION).list();
    const keys = sis.submitted.map((s) => s.idempotencyKey);
    process.stdout.write(`report ${JSON.stringify({
      requests: requests.length,
      delivered: outbox.filter((i) => i.status === 'delivered').length,
      waiting: outbox.filter((i) => i.status !== 'delivered').length,
      submitted: keys.length,
      submittedUnique: new Set(keys).size,
      // What the store keeps in memory grows with the data (lowdb holds every file): its size, to
      // tell growth of the data from a leak.
      storeFilesKb: await storeFilesKb(),
      auditRecords: (await booted.services.store.audit.query({})).length,
    })}\n`);
  }
  if (line === 'sample') {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    const kb = (n: number) => Math.round(n / 1024);
    process.stdout.write(`sample ${JSON.stringify({ rssKb: kb(m.rss), heapUsedKb: kb(m.heapUsed), externalKb: kb(m.external), arrayBuffersKb: kb(m.arrayBuffers) })}\n`);
  }
  if (line === 'stop') break;
}
await booted.stop();
await rm(dir, { recursive: true, force: true });
// As gateway/main.ts does after stop(): a handle left open (stdin) would keep the soak waiting.
process.exit(0);
