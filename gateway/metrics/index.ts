/** Prometheus metrics (prom-client) on their own port: see README "Metrics" and config/README.md `metrics`. */
export { createMetrics, type Metrics, type HttpRequestLabels, type OutboxCounts } from './registry.ts';
export { httpMetrics, routePattern, UNMATCHED } from './http-metrics.ts';
export { withSisMetrics } from './sis-metrics.ts';
export { countedRun, withJobMetrics } from './job-metrics.ts';
export { outboxCounts } from './outbox-counts.ts';
export { startMetricsServer, type MetricsServer } from './metrics-server.ts';
