/**
 * A cached child page: a logged-in parent's results section, every record in the cache, against
 * bare Express 5 + Handlebars rendering the same HTML. Both servers run at once in their own
 * processes; autocannon loads one at a time, alternating (bare, gateway, bare, gateway, …), and
 * the medians of the rounds are compared, so a noisy neighbour hits both alike.
 */
import http from 'node:http';
import autocannon from 'autocannon';
import { openChildResults } from '../client/parent-flow.ts';
import { startServer, type ServerProcess } from '../lib/server-process.ts';
import { median, round } from '../lib/stats.ts';

export interface CachedPageOptions {
  rounds: number;
  durationSec: number;
  connections: number;
}

export interface LoadRound {
  requestsPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export interface CachedPageResult {
  rounds: { bare: LoadRound[]; gateway: LoadRound[] };
  bare: { requestsPerSec: number; p50: number; p99: number; pageBytes: number };
  gateway: { requestsPerSec: number; p50: number; p99: number; pageBytes: number; lagP99: number; sisCallsDuringLoad: number; auditFileBytes: number };
  /** Gateway requests/s over bare requests/s (medians). */
  ratio: number;
  connections: number;
  durationSec: number;
}

async function load(url: string, headers: Record<string, string>, options: CachedPageOptions): Promise<LoadRound> {
  const result = await autocannon({ url, headers, connections: options.connections, duration: options.durationSec });
  return {
    requestsPerSec: round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function pageBytes(url: string, cookie?: string): Promise<number> {
  const res = await fetch(url, cookie ? { headers: { cookie } } : {});
  return Buffer.byteLength(await res.text());
}

export async function cachedPage(options: CachedPageOptions): Promise<CachedPageResult> {
  // Results are open on 1 March (config/calendar.yaml); the demo school, as `npm start` serves it.
  const clockStart = '2027-03-01T10:00:00+01:00';
  const servers: ServerProcess[] = [];
  try {
    const bare = await startServer({ mode: 'bare', clockStart });
    servers.push(bare);
    const gateway = await startServer({ mode: 'gateway', clockStart, pupils: 200, latencyMs: 200 });
    servers.push(gateway);

    // demo.ouder's first child, as the bare server's model was captured; this first load fills the cache.
    const agent = new http.Agent({ keepAlive: true });
    const { resultsPath, browser } = await openChildResults(new URL(gateway.ready.url), agent, 'demo.ouder', gateway.ready.password ?? '');
    agent.destroy();
    const cookie = browser.cookie ?? '';
    const bareUrl = `${bare.ready.url}${bare.ready.path ?? ''}`;
    const gatewayUrl = `${gateway.ready.url}${resultsPath}`;
    // A short warm-up of each (JIT, template cache), not counted.
    await load(bareUrl, {}, { ...options, durationSec: 1 });
    await load(gatewayUrl, { cookie }, { ...options, durationSec: 1 });
    await gateway.reset();

    const rounds: CachedPageResult['rounds'] = { bare: [], gateway: [] };
    for (let i = 0; i < options.rounds; i++) {
      rounds.bare.push(await load(bareUrl, {}, options));
      rounds.gateway.push(await load(gatewayUrl, { cookie }, options));
    }
    const stats = await gateway.stats();
    const med = (rs: LoadRound[], key: 'requestsPerSec' | 'p50' | 'p99') => median(rs.map((r) => r[key]));
    const bareRps = med(rounds.bare, 'requestsPerSec');
    const gatewayRps = med(rounds.gateway, 'requestsPerSec');
    return {
      rounds,
      bare: { requestsPerSec: bareRps, p50: med(rounds.bare, 'p50'), p99: med(rounds.bare, 'p99'), pageBytes: await pageBytes(bareUrl) },
      gateway: {
        requestsPerSec: gatewayRps,
        p50: med(rounds.gateway, 'p50'),
        p99: med(rounds.gateway, 'p99'),
        pageBytes: await pageBytes(gatewayUrl, cookie),
        lagP99: stats.lag.p99,
        sisCallsDuringLoad: stats.sis?.total ?? 0,
        auditFileBytes: stats.storeFileBytes?.audit ?? 0,
      },
      ratio: round(gatewayRps / bareRps, 3),
      connections: options.connections,
      durationSec: options.durationSec,
    };
  } finally {
    for (const server of servers) await server.stop();
  }
}
