/**
 * The demo's sender: each message becomes an RFC 822 file (`.eml`, openable in any mail program)
 * plus its plain text (`.txt`, for reading in a terminal) under one directory; nothing leaves the
 * machine. The file name starts with
 * the local time it was written and ends with a digest of the Message-ID, so a message sent again
 * after a crash replaces its own file instead of adding a second one.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Clock } from '../../adapters/contract/index.ts';
import { nodemailerMessage } from './nodemailer-message.ts';
import type { MailMessage, MailSender } from './types.ts';

export interface FileSenderOptions {
  from: string;
  dir: string;
  clock: Clock;
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export function createFileSender(options: FileSenderOptions): MailSender {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message: MailMessage) {
      const info = await composer.sendMail({ ...nodemailerMessage(options.from, message), date: options.clock.now() });
      const messageId = String(info.messageId);
      const digest = createHash('sha256').update(messageId).digest('hex').slice(0, 16);
      await mkdir(options.dir, { recursive: true, mode: 0o700 });
      const earlier = (await readdir(options.dir)).filter((name) => name.endsWith(`-${digest}.eml`) || name.endsWith(`-${digest}.txt`));
      for (const name of earlier) await rm(path.join(options.dir, name), { force: true });
      const file = path.join(options.dir, `${stamp(options.clock.now())}-${digest}.eml`);
      // Temp file and rename: a reader never sees half a message.
      await writeFile(`${file}.tmp`, info.message as Buffer, { mode: 0o600 });
      await rename(`${file}.tmp`, file);
      // Beside it the plain text as written, for `cat` (the .eml wraps lines and encodes accents).
      const readable = `To: ${message.to}\nSubject: ${message.subject}\n\n${message.text}`;
      await writeFile(`${file.slice(0, -'.eml'.length)}.txt`, readable, { mode: 0o600 });
      return { messageId };
    },
  };
}
