/** `server`: where the gateway listens and how it sits behind the reverse proxy. */
import { z } from 'zod';

export const serverSection = z.strictObject({
  host: z.string().min(1),
  port: z.int().min(0).max(65_535),
  /** Exact number of proxy hops in front of us; never `true`, which would trust any X-Forwarded-For. */
  trustProxy: z.int().min(0),
  secureCookies: z.boolean(),
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** From OUDERPOORT_SESSION_SECRET only (see ../env-secrets.ts). */
  sessionSecret: z.string().min(32, { error: 'expected at least 32 characters' }).optional(),
});
