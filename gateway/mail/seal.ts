/**
 * Sealed mail: a message that carries a login code or a one-time link waits in the outbox
 * encrypted (AES-256-GCM), so the store never holds such a secret in the clear — only its hash,
 * on the account. The key derives from the session secret; rotating that secret leaves unsent
 * sealed mail unreadable (its delivery fails permanently and the operator re-issues).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { MailMessage } from './types.ts';

const VERSION = 'v1';

export interface MailSeal {
  seal(message: MailMessage): string;
  /** Throws when the text was not sealed with this key or was altered. */
  open(sealed: string): MailMessage;
}

export function createMailSeal(secret: string): MailSeal {
  const key = Buffer.from(hkdfSync('sha256', secret, 'ouderpoort', 'mail-seal-v1', 32));
  return {
    seal(message) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(message), 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed mail');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      return JSON.parse(text) as MailMessage;
    },
  };
}
