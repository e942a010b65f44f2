/**
 * TOTP (RFC 6238) as every authenticator app reads it: SHA-1, 6 digits, 30-second steps, through
 * otpauth. A code matches at the current step or one step either side (clock drift); the caller
 * gets the step that matched so it can refuse that step, and any earlier one, next time (replay).
 */
import { Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD_SEC = 30;
const DIGITS = 6;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, issuer = '', label = ''): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: DIGITS, period: TOTP_PERIOD_SEC, secret: Secret.fromBase32(secretBase32) });
}

/** The otpauth:// URI an authenticator app scans. */
export function totpUri(secretBase32: string, issuer: string, label: string): string {
  return totp(secretBase32, issuer, label).toString();
}

/** The code for an instant (tests compute real codes from the secret at the injected clock). */
export function totpCode(secretBase32: string, atMs: number): string {
  return totp(secretBase32).generate({ timestamp: atMs });
}

/** The time step a code matches (±1 around `atMs`), or undefined. */
export function matchTotp(secretBase32: string, code: string, atMs: number): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totp(secretBase32).validate({ token: code, timestamp: atMs, window: 1 });
  if (delta === null) return undefined;
  return Math.floor(atMs / 1000 / TOTP_PERIOD_SEC) + delta;
}
