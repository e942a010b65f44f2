/**
 * The server under test, in its own process so its event-loop lag and memory are its own:
 * `node --import tsx bench/server/main.ts` with BENCH_SERVER (a ServerSpec as JSON) and an IPC
 * channel. It sends a Ready message, then answers Commands until told to stop.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Command, LagStats, Ready, Reply, ServerSpec, ServerStats, TickResult } from '../lib/protocol.ts';
import { startBare } from './bare-under-test.ts';
import { startBytesExpress } from './bytes-express.ts';
import { startBytesNode } from './bytes-node.ts';
import { installChainProbe } from './chain-probe.ts';
import { loadPages } from './listen-loopback.ts';
import { BENCH_PASSWORD, startGateway, type GatewayUnderTest } from './gateway-under-test.ts';

const spec = JSON.parse(process.env.BENCH_SERVER ?? '') as ServerSpec;
const send = (message: unknown) => process.send?.(message);
const RESOLUTION_MS = 10;
const lag = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
lag.enable();

/** The histogram holds whole intervals between its timer's runs; the lag is what exceeds the resolution. */
const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);
function lagStats(): LagStats {
  return { p50: ms(lag.percentile(50)), p99: ms(lag.percentile(99)), max: ms(lag.max), mean: ms(lag.mean) };
}

async function gatewayStats(gw: GatewayUnderTest): Promise<Partial<ServerStats>> {
  const perKey = [...gw.sisCalls.byKey.values()];
  return {
    sis: {
      total: gw.sisCalls.total,
      byMethod: { ...gw.sisCalls.byMethod },
      distinctKeys: perKey.length,
      maxPerKey: perKey.reduce((a, b) => Math.max(a, b), 0),
    },
    storeWrites: gw.storeWrites.writes(),
    storeFileBytes: await gw.storeFileBytes(),
  };
}

async function tick(gw: GatewayUnderTest, at: string): Promise<TickResult> {
  gw.clock.jumpTo(at);
  const started = performance.now();
  const report = await gw.booted.scheduler.tick();
  return {
    ms: Math.round(performance.now() - started),
    runs: report.runs.map((r) => ({ job: r.job, event: r.eventKey, outcome: r.outcome, ...(r.error ? { error: r.error } : {}) })),
  };
}

async function main(): Promise<void> {
  let gw: GatewayUnderTest | undefined;
  let stop: () => Promise<void>;
  let ready: Ready;
  if (spec.mode === 'bare') {
    const bare = await startBare(spec);
    stop = bare.stop;
    ready = { url: bare.url, path: bare.path, gatewayPageBytes: bare.gatewayPageBytes };
  } else if (spec.mode === 'bytes-node' || spec.mode === 'bytes-express') {
    const pages = await loadPages(spec.pages);
    const bytes = await (spec.mode === 'bytes-node' ? startBytesNode : startBytesExpress)(pages);
    stop = bytes.stop;
    ready = { url: bytes.url };
  } else {
    gw = await startGateway(spec);
    if (spec.chainProbe) installChainProbe(gw.booted.server);
    stop = gw.stop;
    ready = { url: gw.booted.url, usernames: gw.usernames, password: BENCH_PASSWORD, bootMs: Math.round(gw.bootMs) };
  }

  process.on('message', (message: Command & { id: number }) => {
    const answer = async (): Promise<unknown> => {
      switch (message.cmd) {
        case 'reset':
          lag.reset();
          if (gw) {
            gw.sisCalls.total = 0;
            gw.sisCalls.byMethod = {};
            gw.sisCalls.byKey.clear();
            gw.storeWrites.reset();
          }
          return null;
        case 'stats': {
          const memory = process.memoryUsage();
          const base: ServerStats = { lag: lagStats(), rssBytes: memory.rss, heapUsedBytes: memory.heapUsed };
          return gw ? { ...base, ...(await gatewayStats(gw)) } : base;
        }
        case 'tick':
          if (!gw) throw new Error('tick needs the gateway');
          return tick(gw, message.at);
        case 'stop':
          await stop();
          setImmediate(() => process.exit(0));
          return null;
      }
    };
    answer().then(
      (value) => send({ id: message.id, ok: true, value } satisfies Reply),
      (err: unknown) => send({ id: message.id, ok: false, error: err instanceof Error ? err.stack ?? err.message : String(err) } satisfies Reply),
    );
  });
  lag.reset();
  send({ ready });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench server failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
