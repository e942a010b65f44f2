/** `store`: where the gateway keeps what it owns (accounts, sessions, cache, outbox, audit). */
import { z } from 'zod';

export const storeSection = z.strictObject({
  kind: z.enum(['lowdb', 'postgres']),
  /** From OUDERPOORT_DATA_KEY only (env-secrets.ts): seals the corrections at rest (gateway/data-key/). */
  dataKey: z.string().min(32, { error: 'expected at least 32 characters' }).optional(),
  lowdb: z.strictObject({
    /** Relative paths count from the working directory. */
    dir: z.string().min(1),
  }),
  postgres: z.strictObject({
    /** From OUDERPOORT_DATABASE_URL only (env-secrets.ts): it holds the password. */
    url: z.string().regex(/^postgres(ql)?:\/\//, { error: 'expected a postgres:// URL' }).optional(),
    poolSize: z.number().int().min(1).max(100),
  }),
}).superRefine((store, ctx) => {
  if (store.kind === 'postgres' && store.postgres.url === undefined) {
    ctx.addIssue({
      code: 'custom', path: ['postgres', 'url'],
      message: 'store.kind is postgres: set OUDERPOORT_DATABASE_URL (postgres://user:password@host:5432/database)',
    });
  }
});
