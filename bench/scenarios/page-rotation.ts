/**
 * Loading servers one at a time with autocannon, alternating, and comparing the medians of their
 * rounds; used for the cached pages. Also a logged-in page measured against the two byte
 * baselines alone (the dashboard and the child page, which have no bare render).
 */
import autocannon from 'autocannon';
import type { ServerProcess } from '../lib/server-process.ts';
import { median, round } from '../lib/stats.ts';

export interface LoadOptions {
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

export async function load(url: string, headers: Record<string, string>, options: LoadOptions): Promise<LoadRound> {
  const result = await autocannon({ url, headers, connections: options.connections, duration: options.durationSec });
  return {
    requestsPerSec: round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

const med = (rs: LoadRound[], key: keyof Medians) => median(rs.map((r) => r[key]));
export const medians = (rs: LoadRound[]): Medians => ({ requestsPerSec: med(rs, 'requestsPerSec'), p50: med(rs, 'p50'), p99: med(rs, 'p99') });
export const share = (gateway: LoadRound[], baseline: LoadRound[]) => round(med(gateway, 'requestsPerSec') / med(baseline, 'requestsPerSec'), 3);

/** The gateway's answer for this page, as the byte baselines will send it. */
export async function capture(url: string, cookie: string): Promise<Buffer> {
  const res = await fetch(url, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`capturing ${new URL(url).pathname}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

export interface BytesPageResult {
  page: string;
  pageBytes: number;
  rounds: { bytesNode: LoadRound[]; bytesExpress: LoadRound[]; gateway: LoadRound[] };
  bytesNode: Medians;
  bytesExpress: Medians;
  gateway: Medians & { lagP99: number; sisCallsDuringLoad: number };
  shares: Shares;
}

export interface BytesPageServers {
  gateway: ServerProcess;
  cookie: string;
  bytesNode: ServerProcess;
  bytesExpress: ServerProcess;
}

/** One logged-in page (its path on all three servers) against the byte baselines, the gateway's lag counted from here. */
export async function measureBytesPage(
  page: string, pagePath: string, pageBytes: number, servers: BytesPageServers, options: LoadOptions,
): Promise<BytesPageResult> {
  const targets: Array<{ url: string; headers: Record<string, string> }> = [
    { url: `${servers.bytesNode.ready.url}${pagePath}`, headers: {} },
    { url: `${servers.bytesExpress.ready.url}${pagePath}`, headers: {} },
    { url: `${servers.gateway.ready.url}${pagePath}`, headers: { cookie: servers.cookie } },
  ];
  for (const t of targets) await load(t.url, t.headers, { ...options, durationSec: 1 });
  await servers.gateway.reset();
  const rounds: BytesPageResult['rounds'] = { bytesNode: [], bytesExpress: [], gateway: [] };
  const lists = [rounds.bytesNode, rounds.bytesExpress, rounds.gateway];
  for (let i = 0; i < options.rounds; i++) {
    for (const [k, t] of targets.entries()) lists[k]!.push(await load(t.url, t.headers, options));
  }
  const stats = await servers.gateway.stats();
  return {
    page,
    pageBytes,
    rounds,
    bytesNode: medians(rounds.bytesNode),
    bytesExpress: medians(rounds.bytesExpress),
    gateway: { ...medians(rounds.gateway), lagP99: stats.lag.p99, sisCallsDuringLoad: stats.sis?.total ?? 0 },
    shares: { ofBytesNode: share(rounds.gateway, rounds.bytesNode), ofBytesExpress: share(rounds.gateway, rounds.bytesExpress) },
  };
}
