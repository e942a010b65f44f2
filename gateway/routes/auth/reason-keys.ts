/** Auth reason codes → the form field they belong to and their message key in the i18n catalogs. */
import { CHANGE_PASSWORD_REASON_MESSAGE_KEYS } from '../../auth/change-password.ts';
import { FIRST_LOGIN_REASON_MESSAGE_KEYS } from '../../auth/first-login.ts';
import { PASSWORD_REASON_MESSAGE_KEYS } from '../../auth/password-policy.ts';
import { USERNAME_REASON_MESSAGE_KEYS } from '../../auth/username.ts';

const KEYS: Readonly<Record<string, string>> = {
  ...PASSWORD_REASON_MESSAGE_KEYS,
  ...USERNAME_REASON_MESSAGE_KEYS,
  ...FIRST_LOGIN_REASON_MESSAGE_KEYS,
  ...CHANGE_PASSWORD_REASON_MESSAGE_KEYS,
};

export type FieldErrors = Record<string, string[]>;

/** Groups reason codes into per-field message keys; `fieldOf` decides where each reason shows. */
export function fieldErrors(reasons: readonly string[], fieldOf: (reason: string) => string): FieldErrors {
  const errors: FieldErrors = {};
  for (const reason of reasons) {
    const field = fieldOf(reason);
    const key = KEYS[reason] ?? reason;
    const list = (errors[field] ??= []);
    if (!list.includes(key)) list.push(key);
  }
  return errors;
}

export const isUsernameReason = (reason: string): boolean => reason in USERNAME_REASON_MESSAGE_KEYS;

/** The confirmation field must repeat the new password exactly. */
export const CONFIRM_MISMATCH = 'password.confirm_mismatch';
