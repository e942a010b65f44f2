/**
 * Usernames: compared case-insensitively everywhere (login, throttling, uniqueness), so one
 * normal form is used for all of them.
 */

export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 64;
/** Lower-case ASCII only: no look-alike Unicode letters, and e-mail addresses fit. */
const USERNAME_PATTERN = /^[a-z0-9._@-]+$/;

export const USERNAME_REASONS = ['username_too_short', 'username_too_long', 'username_invalid', 'username_taken'] as const;
export type UsernameReason = (typeof USERNAME_REASONS)[number];

export const USERNAME_REASON_MESSAGE_KEYS: Readonly<Record<UsernameReason, string>> = Object.freeze({
  username_too_short: 'username.too_short',
  username_too_long: 'username.too_long',
  username_invalid: 'username.invalid',
  username_taken: 'username.taken',
});

/** Trimmed and lower-cased; NFKC first so full-width or compatibility forms fold to ASCII. */
export function normalizeUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

/** Format rules only; uniqueness needs the store (see first-login.ts). Expects a normalised name. */
export function checkUsernameFormat(username: string): UsernameReason[] {
  if (username.length < USERNAME_MIN_LENGTH) return ['username_too_short'];
  if (username.length > USERNAME_MAX_LENGTH) return ['username_too_long'];
  if (!USERNAME_PATTERN.test(username)) return ['username_invalid'];
  return [];
}
