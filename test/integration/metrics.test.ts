/**
 * Prometheus metrics (gateway/metrics/): the gateway as boot() starts it, with metrics.enabled on
 * a port of its own. A parent's requests, the cache-warm job at the results opening, a stale read
 * during an SIS outage and outbox items show up as the named series with their labels and counts;
 * no label carries a URL or a child handle; the parents' port has no /metrics, and metrics are off
 * unless enabled.
 */
import { expect } from 'chai';
import { Writable } from 'node:stream';
import request from 'supertest';
import { boot, type Booted } from '../../gateway/boot.ts';
import { loadConfig } from '../../gateway/config/index.ts';
import { createLogger } from '../../gateway/logger.ts';
import { createMemoryStore } from '../../gateway/store/memory-store.ts';
import { CHEAP_HASHER, csrfFrom } from '../support/app.ts';
import { manualClock } from '../support/clock.ts';
import { parsePrometheusText, seriesOf, valueOf, type Sample } from '../support/prometheus-text.ts';

const silent = new Writable({ write(_chunk, _enc, cb) { cb(); } });

async function bootGateway(now: string, metrics: Record<string, unknown>, outage?: { from: string; to: string }) {
  const config = loadConfig({
    file: 'config/demo.yaml', env: {},
    values: {
      server: { port: 0, host: '127.0.0.1' }, demo: { idp: { enabled: false } }, operators: { oidc: { enabled: false } }, metrics,
      ...(outage && { sis: { stack: [{ adapter: 'mock', config: { hideFuture: true, outage } }] } }),
    },
  });
  const clock = manualClock(now);
  const booted = await boot(config, { logger: createLogger(config, silent), clock }, { store: createMemoryStore(), hasher: CHEAP_HASHER, watchCalendar: false });
  return { booted, clock };
}

async function scrape(booted: Booted): Promise<{ text: string; samples: Sample[] }> {
  const res = await fetch(booted.metrics!.url);
  expect(res.status).to.equal(200);
  expect(res.headers.get('content-type')).to.include('text/plain');
  const text = await res.text();
  return { text, samples: parsePrometheusText(text) };
}

const HTTP = 'ouderpoort_http_request_duration_seconds_count';
const SIS = 'ouderpoort_sis_calls_total';
const SIS_ERRORS = 'ouderpoort_sis_call_errors_total';
const CACHE = 'ouderpoort_cache_reads_total';

describe('Prometheus metrics', function () {
  this.timeout(60_000);
  let booted: Booted | undefined;
  afterEach(async () => {
    await booted?.stop();
    booted = undefined;
  });

  it('counts requests by route pattern, SIS calls and errors, cache outcomes, job runs and the outbox backlog', async () => {
    // 06:00–06:40 local on the day results open: the SIS is down.
    const outage = { from: '2027-02-17T05:00:00Z', to: '2027-02-17T05:40:00Z' };
    const started = await bootGateway('2027-02-16T23:50:00+01:00', { enabled: true, port: 0 }, outage);
    booted = started.booted;
    const { clock } = started;
    expect(booted.metrics!.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);

    // The results open at local midnight: the cache-warm job runs once and is counted.
    clock.set('2027-02-17T00:01:00+01:00');
    await booted.scheduler.tick();
    const afterJob = (await scrape(booted)).samples;
    // One run per opened section (results.method and results.lvs), as the scheduler recorded them.
    const warmRuns = (await booted.scheduler.listRuns({ job: 'cache.warm-results' })).filter((r) => r.outcome === 'succeeded');
    expect(warmRuns.length).to.be.greaterThan(0);
    expect(valueOf(afterJob, 'ouderpoort_job_runs_total', { job: 'cache.warm-results', outcome: 'succeeded' })).to.equal(warmRuns.length);
    expect(valueOf(afterJob, 'ouderpoort_job_runs_total', { outcome: 'failed' })).to.equal(0);
    // The job read every account holder's guardian record through the stack.
    expect(valueOf(afterJob, SIS, { adapter: 'mock', method: 'getGuardian' })).to.be.greaterThan(0);

    // During the outage: the parent logs in; the dashboard's students are stale and their refresh fails.
    clock.set('2027-02-17T06:30:00+01:00');
    const agent = request.agent(booted.server);
    const loginPage = await agent.get('/inloggen');
    const login = await agent.post('/inloggen').type('form').send({ _csrf: csrfFrom(loginPage.text), username: 'demo.ouder', password: 'fietsen langs de bloeiende dijk' });
    expect(login.status).to.equal(303);
    const before = (await scrape(booted)).samples;
    const dashboard = await agent.get('/');
    expect(dashboard.status).to.equal(200);
    const handles = [...new Set([...dashboard.text.matchAll(/href="\/kind\/([^"/?#]+)"/g)].map((m) => m[1] as string))];
    expect(handles).to.have.length(2);
    const outageRead = (await scrape(booted)).samples;
    expect(valueOf(outageRead, CACHE, { kind: 'student', outcome: 'stale' }) - valueOf(before, CACHE, { kind: 'student', outcome: 'stale' })).to.equal(2);
    expect(valueOf(outageRead, SIS_ERRORS, { adapter: 'mock', method: 'getStudent', code: 'SIS_UNAVAILABLE' })
      - valueOf(before, SIS_ERRORS, { adapter: 'mock', method: 'getStudent', code: 'SIS_UNAVAILABLE' })).to.equal(2);
    expect(valueOf(outageRead, HTTP, { method: 'GET', route: '/', status: '200' }) - valueOf(before, HTTP, { method: 'GET', route: '/', status: '200' })).to.equal(1);

    // The SIS is back: a pupil's absences are not cached (miss, one call), then served from the cache (hit, no call).
    clock.set('2027-02-17T06:50:00+01:00');
    const [handle] = handles as [string];
    const beforeAbsences = (await scrape(booted)).samples;
    expect((await agent.get(`/kind/${handle}/absenties`)).status).to.equal(200);
    const firstAbsences = (await scrape(booted)).samples;
    expect((await agent.get(`/kind/${handle}/absenties?jaar=2026`)).status).to.equal(200);
    const secondAbsences = (await scrape(booted)).samples;
    const delta = (a: Sample[], b: Sample[], name: string, labels: Record<string, string>) => valueOf(b, name, labels) - valueOf(a, name, labels);
    expect(delta(beforeAbsences, firstAbsences, CACHE, { kind: 'absences', outcome: 'miss' })).to.equal(1);
    expect(delta(beforeAbsences, firstAbsences, SIS, { adapter: 'mock', method: 'listAbsences' })).to.equal(1);
    expect(delta(firstAbsences, secondAbsences, CACHE, { kind: 'absences', outcome: 'hit' })).to.equal(1);
    expect(delta(firstAbsences, secondAbsences, SIS, { adapter: 'mock', method: 'listAbsences' })).to.equal(0);
    expect(delta(firstAbsences, secondAbsences, SIS_ERRORS, {})).to.equal(0);
    // The route pattern, once per request, whatever the handle and query string.
    expect(valueOf(secondAbsences, HTTP, { method: 'GET', route: '/kind/:handle/absenties', status: '200' })).to.equal(2);
    const latency = seriesOf(secondAbsences, 'ouderpoort_http_request_duration_seconds_bucket')
      .filter((s) => s.labels.route === '/kind/:handle/absenties' && s.labels.le === '+Inf');
    expect(latency.map((s) => s.value)).to.deep.equal([2]);
    expect(valueOf(secondAbsences, 'ouderpoort_sis_call_duration_seconds_count', { adapter: 'mock', method: 'listAbsences' }))
      .to.equal(valueOf(secondAbsences, SIS, { adapter: 'mock', method: 'listAbsences' }));

    // Not on the parents' port, also for a logged-in parent.
    expect((await agent.get('/metrics')).status).to.equal(404);
    // A URL no route answers is "(unmatched)": its path never becomes a label.
    expect((await agent.get('/geen-pagina/jan.jansen@example.nl')).status).to.equal(404);

    // The outbox backlog is read from the store at each scrape: one more pending mail, one parked.
    const { outbox } = booted.services;
    const queued = (await scrape(booted)).samples;
    await outbox.enqueue({ id: 'metrics-test-later', kind: 'mail', payload: {}, notBefore: new Date('2027-06-01T00:00:00Z') });
    const { item } = await outbox.enqueue({ id: 'metrics-test-parked', kind: 'change', payload: {}, notBefore: new Date('2027-06-01T00:00:00Z') });
    await outbox.save({ ...item, status: 'attention' });
    const { text, samples: last } = await scrape(booted);
    expect(delta(queued, last, 'ouderpoort_outbox_items', { status: 'pending', kind: 'mail' })).to.equal(1);
    expect(delta(queued, last, 'ouderpoort_outbox_items', { status: 'parked', kind: 'change' })).to.equal(1);
    const pending = (await outbox.list()).filter((i) => i.status === 'pending').length;
    expect(valueOf(last, 'ouderpoort_outbox_items', { status: 'pending' })).to.equal(pending);

    expect(valueOf(last, HTTP, { route: '(unmatched)', status: '404' })).to.equal(2);
    expect(valueOf(last, HTTP, { method: 'POST', route: '/inloggen', status: '303' })).to.equal(1);
    // Event-loop lag from prom-client's default metrics.
    expect(seriesOf(last, 'nodejs_eventloop_lag_seconds')).to.have.length(1);
    expect(seriesOf(last, 'nodejs_eventloop_lag_p99_seconds')).to.have.length(1);
    // Nothing a parent sent or was shown is in a label.
    for (const secret of [handle, 'jan.jansen', 'geen-pagina', 'jaar=', 'V2001', 'demo.ouder']) expect(text).not.to.include(secret);
    for (const route of new Set(seriesOf(last, HTTP).map((s) => s.labels.route))) expect(route).to.match(/^(\/[a-z:-]*)+$|^\(unmatched\)$/);
  });

  it('is not served on the parents\' port, and the metrics port answers nothing but GET /metrics', async () => {
    booted = (await bootGateway('2027-03-01T10:00:00+01:00', { enabled: true, port: 0 })).booted;
    const anonymous = await request(booted.server).get('/metrics');
    expect(anonymous.status).to.equal(303);
    expect(anonymous.headers.location).to.equal('/inloggen');
    expect(anonymous.text).not.to.include('ouderpoort_');
    const other = await fetch(booted.metrics!.url.replace(/\/metrics$/, '/healthz'));
    expect(other.status).to.equal(404);
    const post = await fetch(booted.metrics!.url, { method: 'POST' });
    expect(post.status).to.equal(404);
    const { port } = new URL(booted.metrics!.url);
    expect(Number(port)).not.to.equal((booted.server.address() as { port: number }).port);
  });

  it('is off unless metrics.enabled: no metrics listener and nothing measured', async () => {
    booted = (await bootGateway('2027-03-01T10:00:00+01:00', {})).booted;
    expect(booted.metrics).to.equal(undefined);
    expect(booted.services.metrics).to.equal(undefined);
    expect(booted.services.config.metrics).to.deep.include({ enabled: false, host: '127.0.0.1' });
    expect((await request(booted.server).get('/metrics')).status).to.equal(303);
  });
});
