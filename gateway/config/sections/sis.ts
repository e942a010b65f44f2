/**
 * `sis`: the adapter stack. Each entry names an adapter (built-in name, path or npm package)
 * and its own config; the adapter's schema checks that config when the adapters load
 * (gateway/adapters/load-adapters.ts), since only the adapter knows its shape.
 */
import { z } from 'zod';
import { duration } from '../duration.ts';

const stackEntry = z.strictObject({
  adapter: z.string().trim().min(1),
  // An entry's default lives here rather than in default.yaml: YAML defaults cannot reach into array items.
  config: z.record(z.string(), z.unknown()).default({}),
  /** The whole-call deadline of this adapter; without it sis.deadline. */
  deadline: duration().optional(),
});

export const sisSection = z.strictObject({
  stack: z.array(stackEntry).min(1, { error: 'expected at least one adapter' }),
  http: z.strictObject({
    timeout: duration(),
    maxBytes: z.int().positive(),
  }),
  /** Every SIS call ends by then, trickling or not (gateway/adapters/deadline.ts). */
  deadline: duration(),
  circuit: z.strictObject({
    errorThreshold: z.int().min(1).max(100),
    volumeThreshold: z.int().min(1),
    window: duration(),
    coolDown: duration(),
  }),
});
