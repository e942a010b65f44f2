/**
 * Queueing mail: every mail goes into the outbox under a delivery key that says what it is
 * (`invite:<account>:<issue>`, `reset:<token digest>`, …), so whatever runs twice — a job after a
 * restart, a double click — queues it once. It leaves with the next delivery pass
 * (outbox.pollInterval), or at `notBefore`, and — with a `window` — only inside that window.
 */
import type { DeliveryWindow, Outbox } from '../outbox/index.ts';
import type { MailSeal } from './seal.ts';
import { MAIL_KIND, type MailMessage, type MailPayload } from './types.ts';

export interface QueueMailOptions {
  /** Holds a login code or a one-time link: stored encrypted until sent. */
  sealed?: boolean;
  notBefore?: Date;
  /** Only sent inside this local window, retries included (a parent's notification). */
  window?: DeliveryWindow;
}

export interface MailQueue {
  /** Resolves once the mail is durable in the outbox; `created: false` when the key was queued before. */
  queue(key: string, message: MailMessage, options?: QueueMailOptions): Promise<{ created: boolean }>;
  /**
   * The work of queue() — sealing, looking the key up, waiting for the disk — storing and sending
   * nothing: for an answer that must take as long whether or not there was anyone to mail.
   */
  rehearse(key: string, message: MailMessage, options?: QueueMailOptions): Promise<void>;
}

export function createMailQueue(deps: { outbox: Outbox; seal: MailSeal }): MailQueue {
  return {
    async queue(key, message, options = {}) {
      const payload: MailPayload = options.sealed ? { sealed: deps.seal.seal(message) } : message;
      const { created } = await deps.outbox.enqueue<MailPayload>({
        id: key, kind: MAIL_KIND, payload,
        ...(options.notBefore && { notBefore: options.notBefore }),
        ...(options.window && { window: options.window }),
      });
      return { created };
    },
    async rehearse(key, message, options = {}) {
      const payload: MailPayload = options.sealed ? { sealed: deps.seal.seal(message) } : message;
      // The store serialises what it keeps; the rehearsal does too, to cost the same.
      JSON.stringify(payload);
      await deps.outbox.get(key);
      await deps.outbox.flush();
    },
  };
}
