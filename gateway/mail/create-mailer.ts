/** The MailSender the config asks for, and the From address and link base every mail uses. */
import type { Clock } from '../../adapters/contract/index.ts';
import type { Config } from '../config/index.ts';
import { createFileSender } from './file-sender.ts';
import { createSmtpSender } from './smtp-sender.ts';
import type { MailSender } from './types.ts';

/** The host name in server.publicUrl, else "localhost": for the default From and for Message-IDs. */
export function mailDomain(config: Pick<Config, 'server'>): string {
  return config.server.publicUrl ? new URL(config.server.publicUrl).hostname : 'localhost';
}

export function fromAddress(config: Pick<Config, 'mail' | 'school' | 'server'>): string {
  if (config.mail.from) return config.mail.from;
  const name = config.school.name.replace(/["\\]/g, '');
  return `"${name}" <no-reply@${mailDomain(config)}>`;
}

/** Where links in mail point: server.publicUrl, or the address the gateway listens on. */
export function linkBase(config: Pick<Config, 'server'>): string {
  if (config.server.publicUrl) return config.server.publicUrl.replace(/\/+$/, '');
  const host = config.server.host === '0.0.0.0' ? '127.0.0.1' : config.server.host;
  return `http://${host}:${config.server.port}`;
}

export function createMailer(config: Config, clock: Clock): MailSender {
  const from = fromAddress(config);
  if (config.mail.transport === 'file') return createFileSender({ from, dir: config.mail.file.dir, clock });
  const smtp = config.mail.smtp;
  return createSmtpSender({
    from,
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTls: smtp.requireTls,
    ...(smtp.user !== undefined && { user: smtp.user }),
    ...(smtp.password !== undefined && { password: smtp.password }),
    timeoutMs: smtp.timeout,
  });
}
