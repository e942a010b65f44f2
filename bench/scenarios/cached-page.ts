/**
 * A cached child page: a logged-in parent's results section, every record in the cache, against
 * three baselines: raw Node http and Express 5 sending the page's bytes from memory (the bytes of
 * the gateway's own answer, captured after logging in), and bare Express 5 + Handlebars rendering
 * the same HTML through the same view engine. All servers run at once in their own processes;
 * autocannon loads one at a time, alternating (node bytes, express bytes, bare, gateway, …), and
 * the medians of the rounds are compared, so a noisy neighbour hits all alike.
 *
 * With `databaseUrl`, a third server joins the rotation: the same gateway on the PostgreSQL store
 * (that database), compared with the gateway on lowdb. Its cache has no shared frozen entries
 * (every read is a query and a JSON parse) and every audit record is an INSERT.
 */
import http from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openChildResults } from '../client/parent-flow.ts';
import { startServer, type ServerProcess } from '../lib/server-process.ts';
import { median, round } from '../lib/stats.ts';

export interface CachedPageOptions {
  rounds: number;
  durationSec: number;
  connections: number;
  /** Also load the gateway on PostgreSQL (this database, empty). */
  databaseUrl?: string;
}

export interface LoadRound {
  requestsPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export interface Medians {
  requestsPerSec: number;
  p50: number;
  p99: number;
}

/** The gateway's requests/s as a share of each baseline's (medians). */
export interface Shares {
  ofBytesNode: number;
  ofBytesExpress: number;
  ofBare?: number;
}

export interface CachedPageResult {
  rounds: { bytesNode: LoadRound[]; bytesExpress: LoadRound[]; bare: LoadRound[]; gateway: LoadRound[]; postgres?: LoadRound[] };
  /** Raw node:http sending the gateway's page bytes from memory. */
  bytesNode: Medians;
  /** Express 5 (ETag off) sending the same bytes. */
  bytesExpress: Medians;
  shares: Shares;
  bare: { requestsPerSec: number; p50: number; p99: number; pageBytes: number };
  gateway: { requestsPerSec: number; p50: number; p99: number; pageBytes: number; lagP99: number; sisCallsDuringLoad: number; auditFileBytes: number };
  /** Gateway requests/s over bare requests/s (medians). */
  ratio: number;
  /** The gateway on PostgreSQL, and its requests/s over the gateway on lowdb's (medians). */
  postgres?: { requestsPerSec: number; p50: number; p99: number; lagP99: number; sisCallsDuringLoad: number; ratioToLowdb: number };
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

/** demo.ouder's first child's results page, as the bare server's model was captured; this first load fills the cache. */
async function loggedInPage(server: ServerProcess): Promise<{ url: string; cookie: string }> {
  const agent = new http.Agent({ keepAlive: true });
  try {
    const { resultsPath, browser } = await openChildResults(new URL(server.ready.url), agent, 'demo.ouder', server.ready.password ?? '');
    return { url: `${server.ready.url}${resultsPath}`, cookie: browser.cookie ?? '' };
  } finally {
    agent.destroy();
  }
}

async function pageBytes(url: string, cookie?: string): Promise<number> {
  const res = await fetch(url, cookie ? { headers: { cookie } } : {});
  return Buffer.byteLength(await res.text());
}

/** The gateway's answer for this page, as the byte baselines will send it. */
async function capture(url: string, cookie: string): Promise<Buffer> {
  const res = await fetch(url, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`capturing ${new URL(url).pathname}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

const med = (rs: LoadRound[], key: keyof Medians) => median(rs.map((r) => r[key]));
const medians = (rs: LoadRound[]): Medians => ({ requestsPerSec: med(rs, 'requestsPerSec'), p50: med(rs, 'p50'), p99: med(rs, 'p99') });
const share = (gateway: LoadRound[], baseline: LoadRound[]) => round(med(gateway, 'requestsPerSec') / med(baseline, 'requestsPerSec'), 3);

export async function cachedPage(options: CachedPageOptions): Promise<CachedPageResult> {
  // Results are open on 1 March (config/calendar.yaml); the demo school, as `npm start` serves it.
  const clockStart = '2027-03-01T10:00:00+01:00';
  const servers: ServerProcess[] = [];
  const bytesDir = await mkdtemp(path.join(os.tmpdir(), 'ouderpoort-bench-bytes-'));
  try {
    const bare = await startServer({ mode: 'bare', clockStart });
    servers.push(bare);
    const gateway = await startServer({ mode: 'gateway', clockStart, pupils: 200, latencyMs: 200 });
    servers.push(gateway);
    const onPostgres = options.databaseUrl
      ? await startServer({ mode: 'gateway', clockStart, pupils: 200, latencyMs: 200, databaseUrl: options.databaseUrl })
      : undefined;
    if (onPostgres) servers.push(onPostgres);

    const bareUrl = `${bare.ready.url}${bare.ready.path ?? ''}`;
    const [target, pgTarget] = await Promise.all([gateway, onPostgres].map((server) => server && loggedInPage(server)));
    const resultsPath = new URL(target!.url).pathname;
    const file = path.join(bytesDir, 'results.html');
    await writeFile(file, await capture(target!.url, target!.cookie));
    const pages = [{ path: resultsPath, file }];
    const bytesNode = await startServer({ mode: 'bytes-node', pages });
    servers.push(bytesNode);
    const bytesExpress = await startServer({ mode: 'bytes-express', pages });
    servers.push(bytesExpress);
    const bytesNodeUrl = `${bytesNode.ready.url}${resultsPath}`;
    const bytesExpressUrl = `${bytesExpress.ready.url}${resultsPath}`;
    // A short warm-up of each (JIT, template cache), not counted.
    for (const url of [bytesNodeUrl, bytesExpressUrl, bareUrl]) await load(url, {}, { ...options, durationSec: 1 });
    for (const t of [target, pgTarget]) if (t) await load(t.url, { cookie: t.cookie }, { ...options, durationSec: 1 });
    await gateway.reset();
    await onPostgres?.reset();

    const rounds: CachedPageResult['rounds'] = { bytesNode: [], bytesExpress: [], bare: [], gateway: [], ...(pgTarget && { postgres: [] }) };
    for (let i = 0; i < options.rounds; i++) {
      rounds.bytesNode.push(await load(bytesNodeUrl, {}, options));
      rounds.bytesExpress.push(await load(bytesExpressUrl, {}, options));
      rounds.bare.push(await load(bareUrl, {}, options));
      rounds.gateway.push(await load(target!.url, { cookie: target!.cookie }, options));
      if (pgTarget) rounds.postgres!.push(await load(pgTarget.url, { cookie: pgTarget.cookie }, options));
    }
    const stats = await gateway.stats();
    const bareRps = med(rounds.bare, 'requestsPerSec');
    const gatewayRps = med(rounds.gateway, 'requestsPerSec');
    const gatewayUrl = target!.url;
    const cookie = target!.cookie;
    const pgStats = await onPostgres?.stats();
    const postgres = rounds.postgres && pgStats ? {
      requestsPerSec: med(rounds.postgres, 'requestsPerSec'), p50: med(rounds.postgres, 'p50'), p99: med(rounds.postgres, 'p99'),
      lagP99: pgStats.lag.p99, sisCallsDuringLoad: pgStats.sis?.total ?? 0,
      ratioToLowdb: round(med(rounds.postgres, 'requestsPerSec') / gatewayRps, 3),
    } : undefined;
    return {
      ...(postgres && { postgres }),
      rounds,
      bytesNode: medians(rounds.bytesNode),
      bytesExpress: medians(rounds.bytesExpress),
      shares: { ofBytesNode: share(rounds.gateway, rounds.bytesNode), ofBytesExpress: share(rounds.gateway, rounds.bytesExpress), ofBare: share(rounds.gateway, rounds.bare) },
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
    await rm(bytesDir, { recursive: true, force: true });
  }
}
