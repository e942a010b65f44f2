/**
 * `portal`: the school's own words on the help page — how the portal works, the support moment,
 * the communication agreements — and the note above the results. Every text in Dutch and English.
 * The demo school's text is under `portal` in config/demo.yaml; without one, config/portal-generic.yaml.
 */
import { z } from 'zod';

const text = z.string().trim().min(1);

/** One text in both languages; both are required so no page falls back mid-sentence. */
export const localizedText = z.strictObject({ nl: text, en: text });

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const supportMoment = z.strictObject({
  /** Local date, YYYY-MM-DD. */
  date: z.string().regex(LOCAL_DATE, { error: 'expected a date like "2026-12-14"' })
    .refine((d) => !Number.isNaN(Date.parse(`${d}T12:00:00Z`)), { error: 'not a calendar date' }),
  /** Local times, HH:MM (24 hours). */
  from: z.string().regex(CLOCK_TIME, { error: 'expected a time like "08:30"' }),
  to: z.string().regex(CLOCK_TIME, { error: 'expected a time like "09:15"' }),
  place: localizedText,
}).refine((m) => m.from < m.to, { error: 'the support moment must end after it starts', path: ['to'] });

export const portalTextSchema = z.strictObject({
  /** Paragraphs, in order. */
  howItWorks: z.array(localizedText).min(1),
  /** Optional: not every school holds one. */
  supportMoment: supportMoment.optional(),
  /** One agreement per item, in order. */
  communicationAgreements: z.array(localizedText).min(1),
  resultsNote: localizedText,
});

export type PortalText = z.output<typeof portalTextSchema>;
