/**
 * Sealed outbox payloads: what waits in the outbox holding a secret (a login code, a one-time
 * link) or personal data on its way out (a parent's new address) is stored encrypted with
 * AES-256-GCM, so a copy of the store — a backup, a file left readable — does not give it away.
 * Each purpose has its own key, derived (HKDF-SHA-256) from the secret the caller passes, which
 * derives from the session secret. `context`, when given, is bound in as associated data (e.g. the
 * item's delivery key): a sealed payload copied onto another item does not open.
 *
 * Rotating the session secret leaves what was sealed before unreadable: each feature says what
 * then happens (mail is parked for an operator; a correction is rebuilt from its request record).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export interface Seal<T> {
  seal(value: T, context?: string): string;
  /** Throws when the text was not sealed with this key and context, or was altered. */
  open(sealed: string, context?: string): T;
}

/** `purpose` names the key (e.g. "mail-seal-v1"); the same secret gives another key per purpose. */
export function createSeal<T>(secret: string, purpose: string): Seal<T> {
  const key = Buffer.from(hkdfSync('sha256', secret, 'ouderpoort', purpose, 32));
  return {
    seal(value, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      if (context !== undefined) cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    open(sealed, context) {
      const [version, iv, tag, body] = typeof sealed === 'string' ? sealed.split('.') : [];
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('not a sealed payload');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      if (context !== undefined) decipher.setAAD(Buffer.from(context, 'utf8'));
      const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      return JSON.parse(text) as T;
    },
  };
}

/** True for a payload of the shape `{ sealed: "<v1 text>" }`. */
export function isSealed(payload: unknown): payload is { sealed: string } {
  return typeof (payload as { sealed?: unknown } | null | undefined)?.sealed === 'string';
}
