/** `store`: where the gateway keeps what it owns (accounts, sessions, cache, outbox, audit). */
import { z } from 'zod';

export const storeSection = z.strictObject({
  // Only lowdb for now; PostgreSQL joins as a second kind with its own sub-section.
  kind: z.enum(['lowdb']),
  lowdb: z.strictObject({
    /** Relative paths count from the working directory. */
    dir: z.string().min(1),
  }),
});
