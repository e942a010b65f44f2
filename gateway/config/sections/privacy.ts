/**
 * `privacy`: the school's words on the privacy page (/privacy). Everything is optional: without it
 * the page names the school (school.name, school.supportEmail) as the one responsible and uses a
 * default text; the retention table always comes from `retention`, `audit` and `changes`.
 */
import { z } from 'zod';
import { localizedText } from '../../routes/parent/portal-text.ts';

export const privacySection = z.strictObject({
  /** Who is responsible (verwerkingsverantwoordelijke), e.g. the school board; default school.name. */
  controller: z.string().trim().min(1).optional(),
  /** Where parents send privacy questions and requests; default school.supportEmail. */
  contactEmail: z.email().optional(),
  /** The data protection officer (functionaris gegevensbescherming, FG). */
  dpo: z.strictObject({
    name: z.string().trim().min(1),
    email: z.email(),
    phone: z.string().trim().min(1).optional(),
  }).optional(),
  /** The school's own paragraphs, shown above the standard text. */
  intro: z.array(localizedText).optional(),
});
