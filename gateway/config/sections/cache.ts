/** `cache`: how long SIS records count as fresh, and how long stale ones may still be shown. */
import { z } from 'zod';
import { duration } from '../duration.ts';

export const RECORD_KINDS = ['student', 'guardian', 'guardiansOfStudent', 'absences', 'results', 'reports', 'medical'] as const;

export const cacheSection = z
  .strictObject({
    ttl: z.strictObject({
      student: duration(),
      guardian: duration(),
      guardiansOfStudent: duration(),
      absences: duration(),
      results: duration(),
      reports: duration(),
      medical: duration(),
    }),
    staleMaxAge: duration(),
  })
  .superRefine((cache, ctx) => {
    // A stale limit below a TTL would throw away records that are still fresh.
    const longest = RECORD_KINDS.reduce((a, b) => (cache.ttl[b] > cache.ttl[a] ? b : a));
    if (cache.staleMaxAge < cache.ttl[longest]) {
      ctx.addIssue({ code: 'custom', path: ['staleMaxAge'], message: `must be at least the longest ttl (ttl.${longest})` });
    }
  });
