/** `metrics`: Prometheus metrics on a port of their own, never on the parents' port. */
import { z } from 'zod';

export const metricsSection = z.strictObject({
  enabled: z.boolean(),
  /** Loopback by default: the scraper runs on the host or reaches it through a private network. */
  host: z.string().min(1),
  port: z.int().min(0).max(65_535),
});
