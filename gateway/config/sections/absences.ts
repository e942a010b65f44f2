/**
 * `absences`: parents' absence reports (ziekmelding) — the school's reasons, each geoorloofd or
 * not, the morning cut-off after which a report for today must be phoned in (school.contact.phone), how
 * far ahead a report may go, where it is mailed when the SIS cannot take it (`absences.report`),
 * and how long the portal keeps a report. When the form is open is the calendar's business
 * (section `absence-report`).
 */
import { z } from 'zod';
import { localizedText } from '../../routes/parent/portal-text.ts';
import { duration } from '../duration.ts';

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const reportReason = z.strictObject({
  /** The SIS's reason code, passed on as it is. */
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{1,20}$/, { error: 'expected a code of letters, digits, "-" or "_" (at most 20)' }),
  label: localizedText,
  authorised: z.boolean(),
});

/** What a school that names no reasons of its own offers. */
export const DEFAULT_REPORT_REASONS = [
  { code: 'ZIEK', label: { nl: 'Ziek', en: 'Ill' }, authorised: true },
  { code: 'ARTS', label: { nl: 'Huisarts, tandarts of ziekenhuis', en: 'GP, dentist or hospital' }, authorised: true },
];

export const absencesSection = z.strictObject({
  reportReasons: z.array(reportReason).min(1)
    .refine((list) => new Set(list.map((r) => r.code)).size === list.length, { error: 'lists a reason code twice' })
    .default(DEFAULT_REPORT_REASONS),
  /** Local time (school.timezone) on a school day after which a report for that same day is refused. */
  reportCutoff: z.string().regex(CLOCK_TIME, { error: 'expected a time "HH:MM", like "08:15"' }),
  /** A report may start at most this many calendar days ahead (and a range end no later). */
  reportAheadDays: z.number().int().min(1).max(60),
  /** Falls back to changes.administrationEmail, then school.supportEmail. */
  administrationEmail: z.email().optional(),
  /** A report is deleted this long after the day it was for. */
  retention: duration().refine((ms) => ms >= 86_400_000, { error: 'must be at least 1d' }),
});
