/** `outbox`: how the delivery worker paces mail and corrections that could not go out at once. */
import { z } from 'zod';
import { duration } from '../duration.ts';

export const outboxSection = z.strictObject({
  pollInterval: duration(),
  /** How long a worker's claim on an item holds (several instances share the outbox). */
  lease: duration(),
  retry: z.strictObject({
    base: duration(),
    max: duration(),
    maxAttempts: z.number().int().min(1).max(100),
  }).refine((r) => r.max >= r.base, { error: 'must be at least retry.base', path: ['max'] }),
});
