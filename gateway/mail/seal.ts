/**
 * Sealed mail: a message that carries a login code or a one-time link waits in the outbox
 * encrypted (the outbox's seal, ../outbox/seal.ts), so the store never holds such a secret in the
 * clear — only its hash, on the account. Rotating the session secret leaves unsent sealed mail
 * unreadable: its delivery fails permanently and the operator re-issues.
 */
import { createSeal, type Seal } from '../outbox/seal.ts';
import type { MailMessage } from './types.ts';

export type MailSeal = Seal<MailMessage>;

export function createMailSeal(secret: string): MailSeal {
  return createSeal<MailMessage>(secret, 'mail-seal-v1');
}
