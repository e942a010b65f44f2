/** The bench's results as table rows, each target next to its number. */
import type { CachedPageResult } from '../scenarios/cached-page.ts';
import type { OpeningDayResult } from '../scenarios/opening-day.ts';
import type { StoreSizeResult } from '../scenarios/store-scaling.ts';
import type { SisParseResult } from '../scenarios/sis-parse.ts';
import type { PostgresSizeResult } from '../scenarios/store-postgres.ts';
import { mib } from './stats.ts';
import type { Row } from './table.ts';

export interface BenchResults {
  cachedPage?: CachedPageResult;
  openingDay?: { cold: OpeningDayResult; warm: OpeningDayResult };
  storeScaling?: StoreSizeResult[];
  sisParse?: SisParseResult;
  storePostgres?: PostgresSizeResult[];
  /** The opening day, warmed, with two gateways on one PostgreSQL database. */
  openingDayPostgres?: OpeningDayResult;
}

/** "614 ms; longest block 21 ms (gap 49 ms)": the block on a core, beside the wall-clock gap it fell in. */
function parseRun(x: SisParseResult['parnassys']['adapter']): string {
  return x.maxBlockMs === undefined ? `${x.ms} ms; longest gap ${x.maxGapMs} ms` : `${x.ms} ms; longest block ${x.maxBlockMs} ms (gap ${x.maxGapMs} ms)`;
}

function parseRows(r: SisParseResult): Row[] {
  const s = `4 SIS answers, ${r.pupils} pupils`;
  return [
    { section: s, metric: 'machine load average at the start (1 min)', value: String(r.loadAverage) },
    ...(['parnassys', 'oso'] as const).flatMap((which) => {
      const x = r[which];
      const label = which === 'parnassys' ? `ParnasSys getLeerlingen (${mib(x.bytes)} MiB)` : `OSO dossiers file (${mib(x.bytes)} MiB)`;
      const block = x.adapter.maxBlockMs ?? x.adapter.maxGapMs;
      return [
        { section: s, metric: `${label}: parsed on the main thread`, value: parseRun(x.inThread) },
        { section: s, metric: `${label}: the adapter's first read`, value: parseRun(x.adapter), target: `block <= ${LAG_TARGET_MS} ms`, met: block <= LAG_TARGET_MS },
      ];
    }),
  ];
}

const LAG_TARGET_MS = 50;

function cachedRows(r: CachedPageResult): Row[] {
  const s = '1 cached page';
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  return [
    { section: s, metric: 'Node http sending the page bytes req/s (p50 / p99 ms)', value: `${r.bytesNode.requestsPerSec} (${r.bytesNode.p50} / ${r.bytesNode.p99})` },
    { section: s, metric: 'Express 5 sending the page bytes req/s (p50 / p99 ms)', value: `${r.bytesExpress.requestsPerSec} (${r.bytesExpress.p50} / ${r.bytesExpress.p99})` },
    { section: s, metric: 'bare Express+Handlebars req/s (p50 / p99 ms)', value: `${r.bare.requestsPerSec} (${r.bare.p50} / ${r.bare.p99})` },
    { section: s, metric: 'gateway results page req/s (p50 / p99 ms)', value: `${r.gateway.requestsPerSec} (${r.gateway.p50} / ${r.gateway.p99})`, target: 'p99 <= 50 ms', met: r.gateway.p99 <= LAG_TARGET_MS },
    { section: s, metric: 'gateway / Node http bytes', value: pct(r.shares.ofBytesNode) },
    { section: s, metric: 'gateway / Express bytes', value: pct(r.shares.ofBytesExpress), target: '>= 50 %', met: r.shares.ofBytesExpress >= 0.5 },
    { section: s, metric: 'gateway / bare', value: pct(r.ratio), target: '>= 60 %', met: r.ratio >= 0.6 },
    { section: s, metric: 'page bytes gateway / bare', value: `${r.gateway.pageBytes} / ${r.bare.pageBytes}` },
    { section: s, metric: 'gateway event-loop lag p99 under load', value: `${r.gateway.lagP99} ms`, target: `< ${LAG_TARGET_MS} ms`, met: r.gateway.lagP99 < LAG_TARGET_MS },
    { section: s, metric: 'SIS calls during load', value: String(r.gateway.sisCallsDuringLoad), target: '0', met: r.gateway.sisCallsDuringLoad === 0 },
    ...r.otherPages.flatMap((o) => [
      { section: s, metric: `${o.page} page (${o.pageBytes} bytes): Node http bytes / Express bytes req/s`, value: `${o.bytesNode.requestsPerSec} / ${o.bytesExpress.requestsPerSec}` },
      { section: s, metric: `${o.page} page: gateway req/s (p50 / p99 ms)`, value: `${o.gateway.requestsPerSec} (${o.gateway.p50} / ${o.gateway.p99})`, target: 'p99 <= 50 ms', met: o.gateway.p99 <= LAG_TARGET_MS },
      { section: s, metric: `${o.page} page: gateway / Node http bytes`, value: pct(o.shares.ofBytesNode) },
      { section: s, metric: `${o.page} page: gateway / Express bytes`, value: pct(o.shares.ofBytesExpress), target: '>= 50 %', met: o.shares.ofBytesExpress >= 0.5 },
      { section: s, metric: `${o.page} page: gateway event-loop lag p99; SIS calls`, value: `${o.gateway.lagP99} ms; ${o.gateway.sisCallsDuringLoad}`, target: `< ${LAG_TARGET_MS} ms`, met: o.gateway.lagP99 < LAG_TARGET_MS },
    ]),
    ...(r.postgres ? [
      { section: s, metric: 'gateway on PostgreSQL req/s (p50 / p99 ms)', value: `${r.postgres.requestsPerSec} (${r.postgres.p50} / ${r.postgres.p99})` },
      { section: s, metric: 'PostgreSQL / lowdb', value: `${Math.round(r.postgres.ratioToLowdb * 100)} %`, target: '>= 80 %', met: r.postgres.ratioToLowdb >= 0.8 },
      { section: s, metric: 'PostgreSQL gateway event-loop lag p99 under load', value: `${r.postgres.lagP99} ms` },
    ] : []),
  ];
}

function postgresStoreRows(results: PostgresSizeResult[]): Row[] {
  return results.flatMap((r) => {
    const s = `5 PostgreSQL store ${r.records / 1000}k records`;
    return [
      { section: s, metric: 'cache_entries on disk (≈ pupils); open ms', value: `${mib(r.tableBytes)} MiB (≈ ${r.pupilsEquivalent}); ${r.openMs}` },
      { section: s, metric: 'bulk load, 32 in flight: s, records/s', value: `${(r.bulkLoad.ms / 1000).toFixed(1)} s, ${r.bulkLoad.recordsPerSecond}/s` },
      { section: s, metric: 'event-loop lag during the bulk load p99 (max)', value: `${r.bulkLoad.lagP99Ms} (${r.bulkLoad.lagMaxMs}) ms`, target: `p99 < ${LAG_TARGET_MS} ms`, met: r.bulkLoad.lagP99Ms < LAG_TARGET_MS },
      { section: s, metric: 'one write: latency / event-loop block; one read', value: `${r.writeMs} / ${r.writeBlockMs} ms; ${r.readMs} ms` },
      { section: s, metric: `${r.underLoad.sets} sets at 100/s: set p99; lag p99 (max)`, value: `${r.underLoad.setP99Ms} ms; ${r.underLoad.lagP99Ms} (${r.underLoad.lagMaxMs}) ms`, target: `p99 < ${LAG_TARGET_MS} ms`, met: r.underLoad.lagP99Ms < LAG_TARGET_MS },
    ];
  });
}

function openingRows(r: OpeningDayResult, s = `2 opening day, ${r.warm ? 'warmed' : 'cold'}`): Row[] {
  const sis = r.server.sis ?? { total: 0, byMethod: {}, distinctKeys: 0, maxPerKey: 0 };
  const writes = Object.entries(r.server.storeWrites ?? {}).map(([kind, w]) => `${kind} ${w.count}`).join(', ');
  const rows: Row[] = [
    { section: s, metric: 'parents done / failed (pupils in school)', value: `${r.completed} / ${r.failed} (${r.pupils})`, target: '0 failed', met: r.failed === 0 },
  ];
  if (r.warmJob) {
    rows.push({ section: s, metric: 'cache-warm job at the opening: s, SIS calls', value: `${(r.warmJob.ms / 1000).toFixed(1)} s, ${r.warmJob.sisCalls}` });
  }
  rows.push(
    { section: s, metric: 'storm duration; logins/s', value: `${r.stormSeconds} s; ${r.loginsPerSecond}/s` },
    {
      section: s, metric: 'hashing limit: cores × 1 / one argon2id verify; logins/s as its share',
      value: `${r.hashingLimit.cores} × 1 / ${r.hashingLimit.verifyMs} ms = ${r.hashingLimit.loginsPerSecond}/s; ${Math.round((100 * r.loginsPerSecond) / r.hashingLimit.loginsPerSecond)} %`,
    },
    { section: s, metric: 'login POST p50 / p99', value: `${r.login.p50} / ${r.login.p99} ms` },
    { section: s, metric: 'results page p50 / p99', value: `${r.results.p50} / ${r.results.p99} ms` },
    { section: s, metric: 'event-loop lag p50 / p99 (max)', value: `${r.server.lag.p50} / ${r.server.lag.p99} (${r.server.lag.max}) ms`, target: `p99 < ${LAG_TARGET_MS} ms`, met: r.server.lag.p99 < LAG_TARGET_MS },
    r.warm
      ? { section: s, metric: 'SIS calls during the storm', value: String(sis.total), target: '0', met: sis.total === 0 }
      : { section: s, metric: 'SIS calls (distinct keys; most for one key)', value: `${sis.total} (${sis.distinctKeys}; ${sis.maxPerKey})`, target: '<= 1 per key', met: sis.maxPerKey <= 1 },
    { section: s, metric: 'store file writes during the storm', value: writes || 'none' },
    { section: s, metric: 'RSS after the run (heap used)', value: `${mib(r.server.rssBytes)} MiB (${mib(r.server.heapUsedBytes)} MiB)` },
    { section: s, metric: 'RSS after the run ÷ parents served (the process base included)', value: r.completed > 0 ? `${Math.round(r.server.rssBytes / r.completed / 1024)} KiB` : 'n/a' },
  );
  if (r.instances) {
    const others = r.otherTicks ?? [];
    rows.push(
      { section: s, metric: 'each instance: lag p99 (max); SIS calls during the storm', value: r.instances.map((i) => `${i.lag.p99} (${i.lag.max}) ms; ${i.sis?.total ?? 0}`).join(' | ') },
      { section: s, metric: 'job runs of the other instances at the opening', value: String(others.reduce((n, t) => n + t.runs.length, 0)), target: '0', met: others.every((t) => t.runs.length === 0) },
    );
  }
  return rows;
}

function storeRows(results: StoreSizeResult[]): Row[] {
  return results.flatMap((r) => {
    const s = `3 store ${r.records / 1000}k records`;
    return [
      { section: s, metric: 'cache.json size (≈ pupils)', value: `${mib(r.fileBytes)} MiB (≈ ${r.pupilsEquivalent})` },
      { section: s, metric: 'open (parse) ms', value: String(r.openMs) },
      { section: s, metric: 'one write: latency / event-loop block', value: `${r.writeMs} / ${r.writeBlockMs} ms` },
      {
        section: s,
        metric: `${r.underLoad.sets} sets: writes/s, sets per write`,
        value: `${r.underLoad.writesPerSecond}/s, ${r.underLoad.setsPerWrite}`,
      },
      {
        section: s, metric: 'event-loop lag under load p99 (max)', value: `${r.underLoad.lagP99Ms} (${r.underLoad.lagMaxMs}) ms`,
        target: `p99 < ${LAG_TARGET_MS} ms`, met: r.underLoad.lagP99Ms < LAG_TARGET_MS,
      },
    ];
  });
}

export function resultRows(results: BenchResults): Row[] {
  return [
    ...(results.cachedPage ? cachedRows(results.cachedPage) : []),
    ...(results.openingDay ? [...openingRows(results.openingDay.cold), ...openingRows(results.openingDay.warm)] : []),
    ...(results.storeScaling ? storeRows(results.storeScaling) : []),
    ...(results.sisParse ? parseRows(results.sisParse) : []),
    ...(results.storePostgres ? postgresStoreRows(results.storePostgres) : []),
    ...(results.openingDayPostgres ? openingRows(results.openingDayPostgres, `6 opening day, warmed, ${results.openingDayPostgres.instances?.length ?? 1} instances on PostgreSQL`) : []),
  ];
}
