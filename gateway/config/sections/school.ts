/** `school`: who runs this portal. Shown on every page and in every mail. */
import { z } from 'zod';

/** BRIN: two digits and two letters, optionally followed by a two-digit vestiging (branch) number. */
const BRIN = /^\d{2}[A-Z]{2}(\d{2})?$/;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const schoolSection = z.strictObject({
  name: z.string().trim().min(1),
  brin: z.string().regex(BRIN, { error: 'expected a BRIN like "12AB" or "12AB00"' }),
  locale: z.enum(['nl', 'en']),
  timezone: z.string().refine(isTimeZone, { error: 'expected an IANA time zone like "Europe/Amsterdam"' }),
  supportEmail: z.email().optional(),
  website: z.url({ protocol: /^https?$/ }).optional(),
});
