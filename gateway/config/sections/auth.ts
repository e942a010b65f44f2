/** `auth`: parent sessions and the life of an invitation's initial secret. */
import { z } from 'zod';
import { duration } from '../duration.ts';

export const authSection = z.strictObject({
  sessionIdle: duration(),
  sessionAbsolute: duration(),
  invitationValidity: duration(),
});
