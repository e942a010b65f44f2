/** Our MailMessage as nodemailer's message options; one mapping for every sender. */
import type { SendMailOptions } from 'nodemailer';
import type { MailMessage } from './types.ts';

export function nodemailerMessage(from: string, message: MailMessage): SendMailOptions {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html !== undefined && { html: message.html }),
    ...(message.replyTo !== undefined && { replyTo: message.replyTo }),
    ...(message.messageId !== undefined && { messageId: message.messageId }),
  };
}
