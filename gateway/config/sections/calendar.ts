/** `calendar`: the school year's calendar that opens and closes portal sections (config/calendar.README.md). */
import { z } from 'zod';

export const calendarSection = z.strictObject({
  /** Relative paths count from the working directory. */
  file: z.string().min(1),
});
