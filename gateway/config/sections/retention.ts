/**
 * `retention` and `audit`: how long the portal keeps what it keeps (DESIGN §5a). One nightly purge
 * (gateway/retention/) applies every period; the same values fill the table on the privacy page.
 */
import { z } from 'zod';
import { duration } from '../duration.ts';

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const atLeastADay = () => duration().refine((ms) => ms >= 86_400_000, { error: 'must be at least 1d' });

export const retentionSection = z.strictObject({
  /** Local time of the nightly purge (after the nightly accounts run, which decides who is still at school). */
  nightlyAt: z.string().regex(CLOCK_TIME, { error: 'expected a time like "03:30"' }),
  /** A cached SIS record not fetched again for this long is deleted. */
  cacheUnused: atLeastADay(),
  /** A delivered mail's outbox record is deleted this long after delivery. */
  deliveredMail: atLeastADay(),
  /** A notification is deleted this long after it was made (sent in a digest or not). */
  notifications: atLeastADay(),
  /** A mail parked as "needs attention" that no operator sent again is deleted this long after it was parked. */
  parkedMail: atLeastADay(),
  /** A disabled account (with its sessions, links and settings) is deleted this long after it was disabled. */
  disabledAccounts: atLeastADay(),
  /** A saved calendar version is deleted this long after it was written; the newest is always kept. */
  calendarVersions: atLeastADay(),
});

export const auditSection = z.strictObject({
  /** An audit record is deleted this long after it was written; the school decides (DOMAIN §5: 6–12 months). */
  retention: atLeastADay(),
});
