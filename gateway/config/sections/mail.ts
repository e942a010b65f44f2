/**
 * `mail`: how the portal sends mail (SMTP in production, files under var/mail in the demo), how
 * long the links in mail work, and when parents may be notified (the school's delivery window).
 */
import { z } from 'zod';
import { duration } from '../duration.ts';

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const clockTime = () => z.string().regex(CLOCK_TIME, { error: 'expected a time like "16:00"' });

export const mailSection = z.strictObject({
  /** The From header, e.g. "De Bron <ouderportaal@debron.example>"; default: the school's name at no-reply@ the public host. */
  from: z.string().trim().min(3).optional(),
  transport: z.enum(['smtp', 'file']),
  file: z.strictObject({
    dir: z.string().min(1),
  }),
  smtp: z.strictObject({
    host: z.string().min(1),
    port: z.int().min(1).max(65_535),
    /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
    secure: z.boolean(),
    /** Refuse to send over a connection that did not upgrade to TLS. */
    requireTls: z.boolean(),
    user: z.string().min(1).optional(),
    /** From OUDERPOORT_SMTP_PASSWORD only (see ../env-secrets.ts). */
    password: z.string().min(1).optional(),
    timeout: duration(),
  }),
  passwordReset: z.strictObject({
    validity: duration(),
    /** Reset mails one address may be sent per hour; more requests get the same answer, and no mail. */
    maxPerHour: z.int().min(1).max(100),
  }),
  emailChange: z.strictObject({
    validity: duration(),
  }),
  /** Mails a logged-in session can cause (address confirmations, change notices) per account per day. */
  accountMailsPerDay: z.int().min(1).max(1000),
  invitations: z.strictObject({
    /** Local time of the nightly run that provisions accounts and invites guardians added late. */
    nightlyAt: clockTime(),
  }),
  notifications: z.strictObject({
    window: z.strictObject({ from: clockTime(), to: clockTime() })
      .refine((w) => w.from < w.to, { error: 'the window must end after it starts', path: ['to'] }),
  }),
});
