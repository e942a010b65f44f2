/**
 * `node --import tsx bench/cpu-per-request.ts [requests] [results|child|dashboard]` (default 3000 per
 * round, two rounds, the results page)
 *
 * The cached results page of `npm run bench` measured another way: the CPU time (user + system,
 * from /proc/<pid>/stat, Linux only) the bare and the gateway server processes spend per request,
 * for sequential requests over four keep-alive connections. A neighbour's load slows both without
 * changing what a request costs, so this ratio moves less than the throughput ratio. Beside them
 * Express 5 sending the gateway's own bytes from memory (the issue-23 baseline): the gateway's
 * share of that is what the throughput share would be on an otherwise idle core. And the gateway
 * process sending the same bytes from two bench-only routes (server/chain-probe.ts), one before
 * its middleware and one after it: what the chain alone costs a logged-in parent's request.
 */
import http from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openChildResults } from './client/parent-flow.ts';
import { startServer } from './lib/server-process.ts';
import { capture } from './scenarios/page-rotation.ts';

const requests = Number(process.argv[2] ?? 3000);
const pageName = process.argv[3] ?? 'results';
if (!['results', 'child', 'dashboard'].includes(pageName)) throw new Error('the page is results, child or dashboard');
if (!Number.isInteger(requests) || requests < 1) throw new Error('usage: cpu-per-request.ts [requests per round]');
const CONNECTIONS = 4;
const CLOCK_TICK_MS = 10;

/** CPU time of a process so far, in ms (utime + stime are fields 14 and 15 of /proc/<pid>/stat). */
function cpuMs(pid: number): number {
  const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
}

const clockStart = '2027-03-01T10:00:00+01:00';
const bare = await startServer({ mode: 'bare', clockStart });
const gateway = await startServer({ mode: 'gateway', clockStart, pupils: 200, latencyMs: 200, chainProbe: true });
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
let bytes: Awaited<ReturnType<typeof startServer>> | undefined;
try {
  const { resultsPath: childResults, browser } = await openChildResults(new URL(gateway.ready.url), agent, 'demo.ouder', gateway.ready.password ?? '');
  const cookie = browser.cookie ?? '';
  const bareUrl = `${bare.ready.url}${bare.ready.path ?? ''}`;
  const resultsPath = { results: childResults, child: childResults.replace(/\/resultaten$/, ''), dashboard: '/' }[pageName]!;
  const gatewayUrl = `${gateway.ready.url}${resultsPath}`;
  const pageFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'cpu-per-request-')), 'results.html');
  const page = await capture(gatewayUrl, cookie);
  writeFileSync(pageFile, page);
  bytes = await startServer({ mode: 'bytes-express', pages: [{ path: resultsPath, file: pageFile }] });
  const bytesUrl = `${bytes.ready.url}${resultsPath}`;
  const probeUrl = (at: 'top' | 'chain') => `${gateway.ready.url}/bench/probe/${at}?bytes=${page.length}`;
  const get = (url: string, headers: Record<string, string>) => new Promise<void>((resolve, reject) => {
    http.get(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', resolve);
    }).on('error', reject);
  });
  const load = async (url: string, headers: Record<string, string>, n: number) => {
    let left = n;
    await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
      while (left-- > 0) await get(url, headers);
    }));
  };
  const perRequest = async (pid: number, url: string, headers: Record<string, string>) => {
    const before = cpuMs(pid);
    await load(url, headers, requests);
    return (cpuMs(pid) - before) / requests;
  };
  // Warm-up (JIT, template cache), not counted.
  await load(bareUrl, {}, 300);
  await load(gatewayUrl, { cookie }, 300);
  await load(bytesUrl, {}, 300);
  await load(probeUrl('top'), { cookie }, 300);
  await load(probeUrl('chain'), { cookie }, 300);
  const pct = (part: number, whole: number) => `${Math.round((part / whole) * 100)} %`;
  for (let round = 1; round <= 2; round++) {
    const bareMs = await perRequest(bare.pid, bareUrl, {});
    const gatewayMs = await perRequest(gateway.pid, gatewayUrl, { cookie });
    const bytesMs = await perRequest(bytes.pid, bytesUrl, {});
    const topMs = await perRequest(gateway.pid, probeUrl('top'), { cookie });
    const chainMs = await perRequest(gateway.pid, probeUrl('chain'), { cookie });
    process.stdout.write(`round ${round}: Express bytes ${bytesMs.toFixed(2)} ms, bare ${bareMs.toFixed(2)} ms, gateway ${gatewayMs.toFixed(2)} ms of CPU per request; `
      + `gateway at ${pct(bytesMs, gatewayMs)} of Express bytes, ${pct(bareMs, gatewayMs)} of bare\n`
      + `  the same bytes from the gateway process: before its middleware ${topMs.toFixed(2)} ms, after it (just before the parent pages) ${chainMs.toFixed(2)} ms: `
      + `the chain alone caps a page at ${pct(topMs, chainMs)} of the bytes sent before it\n`);
  }
} finally {
  agent.destroy();
  await bare.stop();
  await gateway.stop();
  await bytes?.stop();
}
