/**
 * The production sender: nodemailer over SMTP. Failures become DeliveryErrors the outbox
 * understands: a 5xx refusal of the message or its recipient is permanent (parked for an
 * operator), anything else — connection refused, timeout, 4xx, a wrong login that an operator
 * will fix — is transient and retried with backoff. Error messages carry codes only: nodemailer's
 * own messages can quote the recipient's address, and outbox errors never hold personal data.
 */
import nodemailer from 'nodemailer';
import { DeliveryError } from '../outbox/index.ts';
import { nodemailerMessage } from './nodemailer-message.ts';
import type { MailMessage, MailSender } from './types.ts';

export interface SmtpSenderOptions {
  from: string;
  host: string;
  port: number;
  secure: boolean;
  requireTls: boolean;
  user?: string;
  password?: string;
  timeoutMs: number;
}

interface SmtpError { code?: string; responseCode?: number; command?: string }

export function smtpDeliveryError(err: unknown): DeliveryError {
  const { code, responseCode, command } = (err ?? {}) as SmtpError;
  const label = ['SMTP', code ?? 'ERROR', responseCode, command].filter((p) => p !== undefined).join(' ');
  const refused = typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
  // A rejected login is the operator's to fix; once fixed, the waiting mail should simply go.
  const permanent = refused && code !== 'EAUTH';
  return new DeliveryError(label, { permanent, cause: err });
}

export function createSmtpSender(options: SmtpSenderOptions): MailSender {
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure,
    requireTLS: !options.secure && options.requireTls,
    ignoreTLS: !options.secure && !options.requireTls,
    ...(options.user !== undefined && { auth: { user: options.user, pass: options.password ?? '' } }),
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    // One pooled connection carries a batch (the invitation day's hundreds of mails), as a relay
    // prefers; the outbox sends one message at a time anyway. close() ends it at shutdown.
    pool: true,
    maxConnections: 1,
    maxMessages: 100,
  });
  return {
    async send(message: MailMessage) {
      try {
        const info = await transport.sendMail(nodemailerMessage(options.from, message));
        return { messageId: String(info.messageId) };
      } catch (err) {
        throw smtpDeliveryError(err);
      }
    },
    close: () => transport.close(),
  };
}
