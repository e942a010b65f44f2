/** `log`: pino JSON logs on stdout. */
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const logSection = z.strictObject({
  level: z.enum(LOG_LEVELS),
});
