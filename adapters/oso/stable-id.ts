/**
 * Opaque ids derived from dossier content, for records OSO gives no id of their own (verzorgers,
 * test results). A truncated SHA-256 of a domain-separated key: stable while the key's parts stay
 * the same, and it shows nothing of them.
 */
import { createHash } from 'node:crypto';

export function stableId(prefix: string, ...parts: string[]): string {
  const hash = createHash('sha256').update(`ouderpoort-oso\0${prefix}\0${parts.join('\0')}`).digest('hex');
  return `${prefix}-${hash.slice(0, 24)}`;
}

/** A hash to compare values without keeping them (BSN, onderwijsnummer). */
export function secretHash(value: string): string {
  return createHash('sha256').update(`ouderpoort-oso-forbidden\0${value.trim()}`).digest('hex');
}

/**
 * Gives every key its own id within one scope: the second occurrence of the same key gets `#2`,
 * the third `#3`, so two identical records in one dossier stay two records.
 */
export class OrdinalKeys {
  readonly #seen = new Map<string, number>();

  next(key: string): string {
    const n = (this.#seen.get(key) ?? 0) + 1;
    this.#seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  }
}
