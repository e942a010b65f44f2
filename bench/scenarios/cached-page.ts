/**
 * A cached child page: a logged-in parent's results section, every record in the cache, against
 * three baselines: raw Node http and Express 5 sending the page's bytes from memory (the bytes of
 * the gateway's own answer, captured after logging in), and bare Express 5 + Handlebars rendering
 * the same HTML through the same view engine. All servers run at once in their own processes;
 * autocannon loads one at a time, alternating (node bytes, express bytes, bare, gateway, …), and
 * the medians of the rounds are compared, so a noisy neighbour hits all alike.
 * Then the dashboard and the child page of the same parent, against the byte baselines alone.
 *
 * With `databaseUrl`, a third server joins the rotation: the same gateway on the PostgreSQL store
 * (that database), compared with the gateway on lowdb. Its cache has no shared frozen entries
 * (every read is a query and a JSON parse) and every audit record is an INSERT.
 */
import http from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openChildResults } from '../client/parent-flow.ts';
import { startServer, type ServerProcess } from '../lib/server-process.ts';
import { round } from '../lib/stats.ts';
import {
  capture, load, measureBytesPage, medians, share,
  type BytesPageResult, type LoadOptions, type LoadRound, type Medians, type Shares,
} from './page-rotation.ts';

export interface CachedPageOptions extends LoadOptions {
  /** Also load the gateway on PostgreSQL (this database, empty). */
  databaseUrl?: string;
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
  /** The same parent's dashboard and child page against the byte baselines (no bare render of them). */
  otherPages: BytesPageResult[];
  connections: number;
  durationSec: number;
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
    // The results page (with bare), then the dashboard and the child page (byte baselines only).
    const captured = [
      { page: 'results', path: resultsPath },
      { page: 'dashboard', path: '/' },
      { page: 'child', path: resultsPath.replace(/\/resultaten$/, '') },
    ];
    const pages = await Promise.all(captured.map(async (c) => {
      const bytes = await capture(`${gateway.ready.url}${c.path}`, target!.cookie);
      const file = path.join(bytesDir, `${c.page}.html`);
      await writeFile(file, bytes);
      return { ...c, file, bytes: bytes.length };
    }));
    const bytesPages = pages.map((p) => ({ path: p.path, file: p.file }));
    const bytesNode = await startServer({ mode: 'bytes-node', pages: bytesPages });
    servers.push(bytesNode);
    const bytesExpress = await startServer({ mode: 'bytes-express', pages: bytesPages });
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
    const bareMedians = medians(rounds.bare);
    const gatewayMedians = medians(rounds.gateway);
    const gatewayUrl = target!.url;
    const cookie = target!.cookie;
    const pgStats = await onPostgres?.stats();
    const postgres = rounds.postgres && pgStats ? {
      ...medians(rounds.postgres),
      lagP99: pgStats.lag.p99, sisCallsDuringLoad: pgStats.sis?.total ?? 0,
      ratioToLowdb: share(rounds.postgres, rounds.gateway),
    } : undefined;
    const otherPages: BytesPageResult[] = [];
    for (const p of pages.slice(1)) {
      otherPages.push(await measureBytesPage(p.page, p.path, p.bytes, { gateway, cookie, bytesNode, bytesExpress }, options));
    }
    return {
      ...(postgres && { postgres }),
      rounds,
      bytesNode: medians(rounds.bytesNode),
      bytesExpress: medians(rounds.bytesExpress),
      shares: { ofBytesNode: share(rounds.gateway, rounds.bytesNode), ofBytesExpress: share(rounds.gateway, rounds.bytesExpress), ofBare: share(rounds.gateway, rounds.bare) },
      bare: { ...bareMedians, pageBytes: await pageBytes(bareUrl) },
      gateway: {
        ...gatewayMedians,
        pageBytes: await pageBytes(gatewayUrl, cookie),
        lagP99: stats.lag.p99,
        sisCallsDuringLoad: stats.sis?.total ?? 0,
        auditFileBytes: stats.storeFileBytes?.audit ?? 0,
      },
      ratio: round(gatewayMedians.requestsPerSec / bareMedians.requestsPerSec, 3),
      otherPages,
      connections: options.connections,
      durationSec: options.durationSec,
    };
  } finally {
    for (const server of servers) await server.stop();
    await rm(bytesDir, { recursive: true, force: true });
  }
}
