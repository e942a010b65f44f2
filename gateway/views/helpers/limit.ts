/**
 * `{{limit "password.min"}}` → 15; also "password.max", "username.min", "username.max", "loginCode.length"
 *
 * The numbers in rule texts and error messages come from the rules themselves (gateway/auth),
 * so the page can never promise 12 characters while the check asks for 15.
 */
import { DEFAULT_MAX_LENGTH, PASSWORD_ONLY_MIN_LENGTH } from '../../auth/password-policy.ts';
import { DEFAULT_INITIAL_SECRET_FORMAT } from '../../auth/secrets.ts';
import { USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH } from '../../auth/username.ts';

const LIMITS: Readonly<Record<string, number>> = Object.freeze({
  'password.min': PASSWORD_ONLY_MIN_LENGTH,
  'password.max': DEFAULT_MAX_LENGTH,
  'username.min': USERNAME_MIN_LENGTH,
  'username.max': USERNAME_MAX_LENGTH,
  /** Letters and digits of an invitation's login code, dashes not counted. */
  'loginCode.length': DEFAULT_INITIAL_SECRET_FORMAT.groups * DEFAULT_INITIAL_SECRET_FORMAT.groupLength,
});

export function limit(name: unknown): number | undefined {
  return typeof name === 'string' ? LIMITS[name] : undefined;
}
