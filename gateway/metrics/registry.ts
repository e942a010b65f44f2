/**
 * The gateway's Prometheus metrics: one registry per service graph (no prom-client global, so tests
 * build as many gateways as they like). Labels are fixed vocabularies only (Express route
 * patterns, adapter and method names, record kinds, job names, error codes): never a raw URL, an
 * id or anything else a parent typed, so no personal data reaches the scraper.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface HttpRequestLabels {
  method: string;
  /** The Express route pattern that answered, e.g. "/kind/:handle/resultaten", or "(unmatched)". */
  route: string;
  status: string;
}

/** Outbox items by status ('attention' is reported as "parked") and kind, asked at scrape time. */
export type OutboxCounts = Array<{ status: 'pending' | 'delivering' | 'parked'; kind: string; count: number }>;

export interface Metrics {
  readonly registry: Registry;
  httpRequest(labels: HttpRequestLabels, seconds: number): void;
  /** One SIS call; `errorCode` is the SisError code (or UNEXPECTED) when it failed. */
  sisCall(adapter: string, method: string, seconds: number, errorCode?: string): void;
  /** One cache read of the SisService: hit, stale, miss or expired. */
  cacheRead(kind: string, outcome: string): void;
  jobRun(job: string, outcome: 'succeeded' | 'failed'): void;
  /** The outbox gauges read from the store at each scrape (every instance reports the shared backlog). */
  observeOutbox(count: () => Promise<OutboxCounts>, onError: (err: unknown) => void): void;
  /** The Prometheus text format and its content type. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  // Event-loop lag (nodejs_eventloop_lag_*), heap, GC, handles and the process's CPU and memory.
  collectDefaultMetrics({ register: registry });
  const http = new Histogram({
    name: 'ouderpoort_http_request_duration_seconds', help: 'HTTP requests by route pattern and status, and how long they took',
    labelNames: ['method', 'route', 'status'], buckets: SECONDS, registers,
  });
  const sisCalls = new Counter({ name: 'ouderpoort_sis_calls_total', help: 'SIS calls by adapter and method', labelNames: ['adapter', 'method'], registers });
  const sisErrors = new Counter({
    name: 'ouderpoort_sis_call_errors_total', help: 'Failed SIS calls by adapter, method and error code', labelNames: ['adapter', 'method', 'code'], registers,
  });
  const sisSeconds = new Histogram({
    name: 'ouderpoort_sis_call_duration_seconds', help: 'How long SIS calls took (failed ones included), by adapter and method',
    labelNames: ['adapter', 'method'], buckets: SECONDS, registers,
  });
  const cache = new Counter({
    name: 'ouderpoort_cache_reads_total', help: 'Cache reads of SIS records by kind and outcome (hit, stale, miss, expired)',
    labelNames: ['kind', 'outcome'], registers,
  });
  const jobs = new Counter({ name: 'ouderpoort_job_runs_total', help: 'Job runs of this instance by job and outcome', labelNames: ['job', 'outcome'], registers });
  let outboxSource: { count: () => Promise<OutboxCounts>; onError: (err: unknown) => void } | undefined;
  new Gauge({
    name: 'ouderpoort_outbox_items', help: 'Outbox items not delivered yet, by status (pending, delivering, parked) and kind',
    labelNames: ['status', 'kind'], registers,
    async collect() {
      this.reset();
      if (!outboxSource) return;
      try {
        for (const { status, kind, count } of await outboxSource.count()) this.set({ status, kind }, count);
      } catch (err) {
        // A store that cannot answer leaves the series absent (alert on absent()), the rest still scrapes.
        outboxSource.onError(err);
      }
    },
  });

  return {
    registry,
    httpRequest: (labels, seconds) => http.observe({ ...labels }, seconds),
    sisCall(adapter, method, seconds, errorCode) {
      sisCalls.inc({ adapter, method });
      sisSeconds.observe({ adapter, method }, seconds);
      if (errorCode !== undefined) sisErrors.inc({ adapter, method, code: errorCode });
    },
    cacheRead: (kind, outcome) => cache.inc({ kind, outcome }),
    jobRun: (job, outcome) => jobs.inc({ job, outcome }),
    observeOutbox(count, onError) {
      outboxSource = { count, onError };
    },
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
