/**
 * `changes`: corrections parents send in (DESIGN §7) — which field groups the form offers, and
 * where they go when the SIS cannot take them itself (`changes.submit`): the administration's
 * mailbox, and how long a decided correction is kept. When the section is open is the calendar's
 * business (section `changes`).
 */
import { z } from 'zod';
import { CHANGE_FIELD_GROUPS } from '../../changes/change-form.ts';
import { duration } from '../duration.ts';

export const changesSection = z.strictObject({
  fields: z.array(z.enum(CHANGE_FIELD_GROUPS))
    .refine((list) => new Set(list).size === list.length, { error: 'lists a field group twice' }),
  /** Falls back to school.supportEmail. */
  administrationEmail: z.email().optional(),
  /** A decided (processed or rejected), delivered correction is deleted this long after the decision. */
  retention: duration().refine((ms) => ms >= 86_400_000, { error: 'must be at least 1d' }),
  /** A correction not delivered to the school after this long shows as delayed (changes/delays.ts). */
  maxPendingAge: duration().refine((ms) => ms >= 3_600_000, { error: 'must be at least 1h' }),
});
