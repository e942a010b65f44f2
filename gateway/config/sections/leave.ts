/**
 * `leave`: parents' requests for leave outside the school holidays (verlof). The legal frame is
 * fixed (the head decides up to 10 school days; longer goes to the leerplichtambtenaar); what the
 * school sets is where a new request is mailed and how long a decided one is kept. When the form
 * is open is the calendar's business (section `leave`); the holidays are `school.holidays`.
 */
import { z } from 'zod';
import { duration } from '../duration.ts';

export const leaveSection = z.strictObject({
  /** Where a new request is announced; falls back to changes.administrationEmail, then school.supportEmail. */
  administrationEmail: z.email().optional(),
  /** A request is deleted this long after its last day (or its decision, when later). */
  retention: duration().refine((ms) => ms >= 86_400_000, { error: 'must be at least 1d' }),
});
