/**
 * Queueing mail: every mail goes into the outbox under a delivery key that says what it is
 * (`invite:<account>:<issue>`, `reset:<token digest>`, …), so whatever runs twice — a job after a
 * restart, a double click — queues it once. It leaves with the next delivery pass
 * (outbox.pollInterval), or at `notBefore`.
 */
import type { Outbox } from '../outbox/index.ts';
import type { MailSeal } from './seal.ts';
import { MAIL_KIND, type MailMessage, type MailPayload } from './types.ts';

export interface QueueMailOptions {
  /** Holds a login code or a one-time link: stored encrypted until sent. */
  sealed?: boolean;
  notBefore?: Date;
}

export interface MailQueue {
  /** Resolves once the mail is durable in the outbox; `created: false` when the key was queued before. */
  queue(key: string, message: MailMessage, options?: QueueMailOptions): Promise<{ created: boolean }>;
}

export function createMailQueue(deps: { outbox: Outbox; seal: MailSeal }): MailQueue {
  return {
    async queue(key, message, options = {}) {
      const payload: MailPayload = options.sealed ? { sealed: deps.seal.seal(message) } : message;
      const { created } = await deps.outbox.enqueue<MailPayload>({
        id: key, kind: MAIL_KIND, payload, ...(options.notBefore && { notBefore: options.notBefore }),
      });
      return { created };
    },
  };
}
