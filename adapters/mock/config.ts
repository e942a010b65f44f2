/**
 * The mock adapter's config section. Every key is optional; the defaults give the demo school
 * "De Bron" with no injected faults and no delay.
 */
import { z } from 'zod';
import { CAPABILITIES, SIS_ERROR_CODES } from '../contract/index.ts';

const instant = z.iso.datetime({ offset: true });

export const mockConfigSchema = z.strictObject({
  /** Seed of the generated school: same seed, same school. */
  seed: z.int().min(0).max(0xffffffff).default(20262027),
  /** Number of current pupils (a few who left come on top). */
  pupils: z.int().min(16).max(2000).default(200),
  /** The school year the data is built around, written "2026-2027". */
  schoolYear: z.string()
    .regex(/^\d{4}-\d{4}$/, 'write the school year as "2026-2027"')
    .refine((y) => Number(y.slice(5)) === Number(y.slice(0, 4)) + 1, 'the second year must follow the first')
    .default('2026-2027'),
  /** Narrows the capabilities, e.g. to test stacking or a partial SIS. */
  capabilities: z.array(z.enum(CAPABILITIES)).min(1).optional(),
  /** Items per page for listStudents / listGuardians. */
  pageSize: z.int().min(1).max(1000).default(50),
  /** Delay per call: fixed, or uniform between minMs and maxMs. Real timers; none by default. */
  latency: z.strictObject({
    fixedMs: z.int().min(0).max(60_000).optional(),
    minMs: z.int().min(0).max(60_000).optional(),
    maxMs: z.int().min(0).max(60_000).optional(),
  })
    .refine((l) => l.fixedMs === undefined || (l.minMs === undefined && l.maxMs === undefined), 'use fixedMs or minMs/maxMs, not both')
    .refine((l) => (l.minMs ?? 0) <= (l.maxMs ?? l.minMs ?? 0), 'minMs must not exceed maxMs')
    .optional(),
  /** Share of calls (0..1) that fail with SIS_UNAVAILABLE, drawn from a PRNG seeded by `seed`. */
  errorRate: z.number().min(0).max(1).default(0),
  /** Every call fails with SIS_UNAVAILABLE while from <= clock.now() < to. */
  outage: z.strictObject({ from: instant, to: instant })
    .refine((o) => Date.parse(o.from) < Date.parse(o.to), 'outage.from must be before outage.to')
    .optional(),
  /** Every call fails with this code (e.g. SIS_AUTH_FAILED), for tests of error handling. */
  failWith: z.enum(SIS_ERROR_CODES).optional(),
  /**
   * Leave out absences and results dated after the clock's local date (Europe/Amsterdam), as a
   * real SIS would not know them yet. Off by default: the data covers whole school years and the
   * gateway's calendar decides what parents see.
   */
  hideFuture: z.boolean().default(false),
});

export type MockConfig = z.output<typeof mockConfigSchema>;
export type MockConfigInput = z.input<typeof mockConfigSchema>;
