/**
 * Opening day: N distinct parents log in and open their child's results within a short window,
 * against the mock SIS at 200 ms a call. Closed loop: `concurrency` parents at a time, each
 * starting as soon as one finishes, until all N have had their turn or the deadline passes.
 *
 * Two runs: cold (a gateway started after the opening, nothing cached) and warmed (started the
 * evening before; the clock then passes local midnight and the scheduler runs the cache-warm job
 * before the first parent arrives).
 *
 * With `databaseUrl` the gateways run on the PostgreSQL store on that database, and with
 * `instances: 2` two of them share it, as behind a load balancer with sticky sessions: parent k
 * goes to instance k mod 2. The clock passes midnight on the first instance, then on the second;
 * the scheduler's watermark and run records are in the shared store, so the second finds the
 * opening handled and runs nothing (its runs are reported).
 */
import http from 'node:http';
import { openChildResults, type FlowTimes } from '../client/parent-flow.ts';
import type { ServerStats, TickResult } from '../lib/protocol.ts';
import { measureHashingLimit, type HashingLimit } from '../lib/hashing-limit.ts';
import { startServer, type ServerProcess } from '../lib/server-process.ts';
import { round, summarize, type Summary } from '../lib/stats.ts';

/** About 1.5 parents with gezag and e-mail per pupil in the mock school. */
const PARENTS_PER_PUPIL = 1.45;
const OPENING = '2027-02-17T00:00:30+01:00';

export interface OpeningDayOptions {
  parents: number;
  concurrency: number;
  latencyMs: number;
  warm: boolean;
  deadlineMs: number;
  /** The PostgreSQL store on this (empty) database instead of lowdb. */
  databaseUrl?: string;
  /** Gateways sharing the database (default 1). */
  instances?: number;
}

export interface OpeningDayResult {
  warm: boolean;
  parents: number;
  pupils: number;
  completed: number;
  failed: number;
  errors: string[];
  bootMs: number;
  warmJob?: TickResult & { sisCalls: number };
  stormSeconds: number;
  loginsPerSecond: number;
  /** cores × 1 / one argon2id verify, measured just before the storm. */
  hashingLimit: HashingLimit;
  login: Summary;
  dashboard: Summary;
  results: Summary;
  server: ServerStats;
  /** With several instances: each one's stats (server is the first's), and the second's tick at the opening. */
  instances?: ServerStats[];
  otherTicks?: TickResult[];
  store: 'lowdb' | 'postgres';
}

export async function openingDay(options: OpeningDayOptions): Promise<OpeningDayResult> {
  const pupils = Math.min(20_000, Math.ceil(options.parents / PARENTS_PER_PUPIL));
  const spec = {
    mode: 'gateway' as const, pupils, latencyMs: options.latencyMs,
    // Warmed: the evening before; cold: a gateway that comes up after the opening.
    clockStart: options.warm ? '2027-02-16T23:59:00+01:00' : '2027-02-17T07:30:00+01:00',
    ...(options.databaseUrl && { databaseUrl: options.databaseUrl }),
  };
  const servers: ServerProcess[] = [];
  try {
    // One after the other: the first migrates and provisions, the next finds it done.
    for (let i = 0; i < (options.instances ?? 1); i++) servers.push(await startServer(spec));
    const server = servers[0] as ServerProcess;
    const usernames = (server.ready.usernames ?? []).slice(0, options.parents);
    if (usernames.length < options.parents) throw new Error(`only ${usernames.length} accounts for ${options.parents} parents`);
    let warmJob: OpeningDayResult['warmJob'];
    const otherTicks: TickResult[] = [];
    if (options.warm) {
      for (const s of servers) await s.reset();
      const tick = await server.tick(OPENING);
      warmJob = { ...tick, sisCalls: (await server.stats()).sis?.total ?? 0 };
      for (const other of servers.slice(1)) otherTicks.push(await other.tick(OPENING));
    }
    for (const s of servers) await s.reset();
    const hashingLimit = await measureHashingLimit();

    const targets = servers.map((s) => ({ base: new URL(s.ready.url), agent: new http.Agent({ keepAlive: true, maxSockets: options.concurrency }) }));
    const times: FlowTimes[] = [];
    const errors: string[] = [];
    let next = 0;
    const started = performance.now();
    const deadline = started + options.deadlineMs;
    const parent = async () => {
      while (next < usernames.length && performance.now() < deadline) {
        const k = next++;
        const { base, agent } = targets[k % targets.length]!;
        try {
          times.push((await openChildResults(base, agent, usernames[k] as string, server.ready.password ?? '')).times);
        } catch (err) {
          errors.push(err instanceof Error ? err.message : String(err));
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, parent));
    const stormSeconds = (performance.now() - started) / 1000;
    for (const t of targets) t.agent.destroy();
    const each = await Promise.all(servers.map((s) => s.stats()));
    const stats = each[0] as ServerStats;
    return {
      warm: options.warm,
      parents: options.parents,
      pupils,
      completed: times.length,
      failed: errors.length,
      errors: [...new Set(errors)].slice(0, 5),
      bootMs: server.ready.bootMs ?? 0,
      ...(warmJob ? { warmJob } : {}),
      stormSeconds: round(stormSeconds),
      loginsPerSecond: round(times.length / stormSeconds),
      hashingLimit,
      login: summarize(times.map((t) => t.loginMs)),
      dashboard: summarize(times.map((t) => t.dashboardMs)),
      results: summarize(times.map((t) => t.resultsMs)),
      server: stats,
      store: options.databaseUrl ? 'postgres' : 'lowdb',
      ...(servers.length > 1 && { instances: each, otherTicks }),
    };
  } finally {
    for (const s of servers) await s.stop();
  }
}
