/**
 * The mail contract every feature writes against: a feature renders its message and queues it in
 * the outbox (kind "mail"); the mail delivery handler sends it through a MailSender (SMTP in
 * production, files under var/mail in the demo). A sender throws DeliveryError (gateway/outbox):
 * permanent for a refusal that will not change (SMTP 5xx), transient otherwise.
 */

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string;
  /**
   * A stable Message-ID derived from the outbox item's id, so a message re-sent after a crash
   * mid-delivery can be recognised as the same one.
   */
  messageId?: string;
}

export interface MailSender {
  send(message: MailMessage): Promise<{ messageId: string }>;
  close?(): Promise<void> | void;
}

/**
 * What an outbox item of kind "mail" carries: a MailMessage as it is, or one sealed (encrypted,
 * see seal.ts) because it holds a login code or a one-time link. Features queue either through
 * MailQueue (services.mail); a MailMessage queued directly with outbox.enqueue works too.
 */
export type MailPayload = MailMessage | { sealed: string };

/** The outbox kind every mail is queued under. */
export const MAIL_KIND = 'mail';
