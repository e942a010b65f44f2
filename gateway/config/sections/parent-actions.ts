/**
 * `conversations`, `dataCheck` and `schoolYear` (issue 20, items 3–5): the school's settings for
 * conversation requests, the data check the calendar's `data-check` event starts, and the school
 * year page with its public iCalendar feed. When each is open is the calendar's business (sections
 * `conversations` and `school-year`, event kind `data-check`).
 */
import { z } from 'zod';
import { isLocalDate } from '../../policy/local-time.ts';
import { JAARGROEPEN } from '../../policy/vocabulary.ts';
import { duration } from '../duration.ts';

const atLeastADay = () => duration().refine((ms) => ms >= 86_400_000, { error: 'must be at least 1d' });

const bilingual = z.strictObject({
  nl: z.string().trim().min(1, { error: 'the Dutch text is empty' }),
  en: z.string().trim().min(1, { error: 'the English text is empty' }),
});

const localDate = z.string({ error: 'expected a date like 2027-02-17' })
  .refine(isLocalDate, { error: 'expected a real date written YYYY-MM-DD, like 2027-02-17' });

export const conversationsSection = z.strictObject({
  /** Why there is no chat and no answers by mail, in the school's words; absent: a generic text. */
  explanation: bilingual.optional(),
  /** Where a request goes when the SIS names no teacher address (falls back to changes.administrationEmail, school.supportEmail). */
  administrationEmail: z.email().optional(),
  /** How many moments a parent may offer. */
  maxMoments: z.number().int().min(1).max(5),
  /** A request is deleted this long after it was made (planned or not). */
  retention: atLeastADay(),
});

export const dataCheckSection = z.strictObject({
  /** How often a parent may choose "later" before the check is due (then only confirm or correct). */
  skipsAllowed: z.number().int().min(0).max(10),
  /** How long after the event's start a parent who has not answered gets the reminder mail. */
  reminderAfter: duration(),
  /** An answer (confirmed, correction) is deleted this long after it was given. */
  retention: atLeastADay(),
});

export const SCHOOL_YEAR_KINDS = ['holiday', 'study-day', 'parent-evening', 'report-day', 'other'] as const;
export type SchoolYearKind = (typeof SCHOOL_YEAR_KINDS)[number];

const schoolYearItem = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'expected an id of lower-case letters, digits and "-"' }),
  kind: z.enum(SCHOOL_YEAR_KINDS),
  from: localDate,
  /** The last day (inclusive); absent: one day. */
  until: localDate.optional(),
  title: bilingual,
  /** Only these jaargroepen; absent: the whole school. */
  groups: z.array(z.literal(JAARGROEPEN)).min(1).optional(),
}).refine((item) => item.until === undefined || item.until >= item.from, { error: 'until is before from', path: ['until'] });

export const schoolYearSection = z.strictObject({
  items: z.array(schoolYearItem)
    .refine((list) => new Set(list.map((i) => i.id)).size === list.length, { error: 'an id is listed twice' })
    .optional(),
  /** Serve the public iCalendar feed /schooljaar.ics (no login, no personal data). */
  feed: z.boolean(),
});
