/**
 * The account page model, shared with the lead's POST /account/wachtwoord handler so a failed
 * change re-renders the same page: `res.render('pages/account', accountPageModel(account, { errors }))`.
 * Passwords are never part of the model.
 */
import type { Account } from '../../../store/types.ts';

/** Field names of the change-password form (POST /account/wachtwoord). */
export type PasswordField = 'currentPassword' | 'newPassword' | 'confirmPassword';

export interface AccountPageOptions {
  /** Message keys per field (e.g. `errors.password.tooShort`); `form` for messages about the whole form. */
  errors?: Partial<Record<PasswordField | 'form', string[]>>;
  /** The password was changed: show a confirmation. */
  saved?: boolean;
}

export interface AccountPageModel {
  nav: 'account';
  titleKey: string;
  account: { username: string; email?: string; notificationEmail?: string; limited: boolean; lastLoginAt?: string };
  errors?: AccountPageOptions['errors'];
  saved: boolean;
}

export function accountPageModel(account: Account, options: AccountPageOptions = {}): AccountPageModel {
  const hasErrors = options.errors && Object.values(options.errors).some((list) => list && list.length > 0);
  return {
    nav: 'account',
    titleKey: 'account.title',
    account: {
      username: account.username,
      email: account.email,
      // The parent's own confirmed notification address, when they chose one.
      ...(account.notificationEmail !== undefined && { notificationEmail: account.notificationEmail }),
      limited: account.scope === 'limited',
      lastLoginAt: account.lastLoginAt,
    },
    errors: hasErrors ? options.errors : undefined,
    saved: options.saved === true && !hasErrors,
  };
}
