/**
 * `auth`: parent sessions, the life of an invitation's initial secret, the second factor, and how
 * recent a login must be before a change that can take over the account.
 */
import { z } from 'zod';
import { duration } from '../duration.ts';

export const authSection = z.strictObject({
  sessionIdle: duration(),
  sessionAbsolute: duration(),
  invitationValidity: duration(),
  /** TOTP for parents: off, optional (each parent chooses) or required (asked at the next login). */
  secondFactor: z.enum(['off', 'optional', 'required']),
  /** A login this recent counts as the current password for address, password and second-factor changes. */
  reauthWindow: duration(),
  /** How long the "dit was ik niet" link in a change notice works. */
  undoValidity: duration(),
});
