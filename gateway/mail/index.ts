/** Mail: senders (SMTP, files), the outbox handler, queueing (sealed when it carries a secret), templates. */
export type { MailMessage, MailSender, MailPayload } from './types.ts';
export { MAIL_KIND } from './types.ts';
export { createMailer, fromAddress, linkBase, mailDomain } from './create-mailer.ts';
export { createSmtpSender, smtpDeliveryError, type SmtpSenderOptions } from './smtp-sender.ts';
export { createFileSender, type FileSenderOptions } from './file-sender.ts';
export { createMailHandler, messageIdFor } from './mail-handler.ts';
export { createMailQueue, type MailQueue, type QueueMailOptions } from './mail-queue.ts';
export { createMailSeal, type MailSeal } from './seal.ts';
export { createMailRenderer, MAIL_VIEWS_DIR, type MailRenderer, type RenderedMail } from './render.ts';
