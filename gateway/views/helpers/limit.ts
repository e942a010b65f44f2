/**
 * `{{limit "password.min"}}` → 15; also "password.max", "username.min", "username.max"
 *
 * The numbers in rule texts and error messages come from the rules themselves (gateway/auth),
 * so the page can never promise 12 characters while the check asks for 15.
 */
import { DEFAULT_MAX_LENGTH, PASSWORD_ONLY_MIN_LENGTH } from '../../auth/password-policy.ts';
import { USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH } from '../../auth/username.ts';

const LIMITS: Readonly<Record<string, number>> = Object.freeze({
  'password.min': PASSWORD_ONLY_MIN_LENGTH,
  'password.max': DEFAULT_MAX_LENGTH,
  'username.min': USERNAME_MIN_LENGTH,
  'username.max': USERNAME_MAX_LENGTH,
});

export function limit(name: unknown): number | undefined {
  return typeof name === 'string' ? LIMITS[name] : undefined;
}
