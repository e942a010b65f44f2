/** `school`: who runs this portal. Shown on every page and in every mail. */
import { z } from 'zod';
import { localizedText } from '../../routes/parent/portal-text.ts';
import { isLocalDate } from '../../policy/local-time.ts';
import { accentColor, logoFile } from '../../school/look.ts';

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

const localDate = z.string().refine(isLocalDate, { error: 'expected a date "YYYY-MM-DD"' });

/** One school holiday (vakantie), first and last day inclusive. */
export const schoolHoliday = z.strictObject({ name: localizedText, from: localDate, to: localDate })
  .refine((h) => h.from <= h.to, { error: 'ends before it starts (to < from)' });

export const schoolSection = z.strictObject({
  name: z.string().trim().min(1),
  brin: z.string().regex(BRIN, { error: 'expected a BRIN like "12AB" or "12AB00"' }),
  locale: z.enum(['nl', 'en']),
  timezone: z.string().refine(isTimeZone, { error: 'expected an IANA time zone like "Europe/Amsterdam"' }),
  supportEmail: z.email().optional(),
  website: z.url({ protocol: /^https?$/ }).optional(),
  /** The school holidays: no absence report or leave is asked for on these days. */
  holidays: z.array(schoolHoliday).default([]),
  /** The school's logo in the header: a .png, .svg, .jpg or .webp file. */
  logo: logoFile.optional(),
  /** One accent colour "#rrggbb" for the header and links; at least 4.5:1 against white. */
  accentColor: accentColor.optional(),
  /** A YAML file of English for the SIS's own words, laid over config/sis-labels.yaml. */
  sisLabels: z.string().trim().min(1).optional(),
  /** How parents reach the school's office: every "contact the administration" message shows it. */
  contact: z.strictObject({
    address: z.string().trim().min(1).optional(),
    phone: z.string().trim().regex(/^\+?[0-9][0-9 ()-]{5,}$/, { error: 'expected a phone number like "010 123 45 67"' }).optional(),
    hours: localizedText.optional(),
  }).optional(),
});
