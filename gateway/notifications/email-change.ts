/**
 * A parent's own notification address: asked for on the account page, it takes effect only once
 * confirmed through a link mailed to the new address (a random 256-bit token, stored hashed,
 * valid mail.emailChange.validity, single use). Until then notifications keep going to the old one.
 */
import type { Locale } from '../i18n/translate.ts';
import { findLinkToken, issueLinkToken, type LinkTokenDoc } from '../auth/link-token.ts';
import { linkBase } from '../mail/create-mailer.ts';
import { mailLocale, schoolMailModel } from '../mail/school-model.ts';
import type { Services } from '../services.ts';
import type { Account } from '../store/types.ts';

export const EMAIL_CONFIRMATIONS_COLLECTION = 'emailConfirmations';

export interface EmailConfirmationDoc extends LinkTokenDoc {
  email: string;
}

export type EmailChangeDeps = Pick<Services, 'config' | 'clock' | 'store' | 'mail' | 'mailRenderer'>;

const confirmations = (store: Services['store']) => store.collection<EmailConfirmationDoc>(EMAIL_CONFIRMATIONS_COLLECTION);

/** Mails the confirmation link to `email`; returns when it expires. */
export async function requestEmailChange(deps: EmailChangeDeps, account: Account, email: string): Promise<string> {
  const issued = issueLinkToken(account.id, deps.clock.now(), deps.config.mail.emailChange.validity);
  const { token } = issued;
  const doc: EmailConfirmationDoc = { ...issued.doc, email: email.trim() };
  await confirmations(deps.store).put(doc);
  const locale: Locale = mailLocale(account, deps.config);
  const mail = deps.mailRenderer.render('email-confirm', locale, {
    ...schoolMailModel(deps.config, locale, deps.clock.now()), username: account.username,
    link: `${linkBase(deps.config)}/account/email-bevestigen?token=${token}`, expiresAt: doc.expiresAt,
  }, { school: deps.config.school.name });
  await deps.mail.queue(`email-confirm:${doc.id.slice(-32)}`, { to: doc.email, ...mail }, { sealed: true });
  return doc.expiresAt;
}

/** The pending change a token stands for, if it may still be confirmed. */
export async function pendingEmailChange(deps: Pick<EmailChangeDeps, 'store' | 'clock'>, token: string): Promise<EmailConfirmationDoc | undefined> {
  return (await findLinkToken(confirmations(deps.store), deps.store.accounts, token, deps.clock.now()))?.doc;
}

/** Sets the confirmed address; `before` is the account as it was (the change notice goes to its addresses). */
export async function confirmEmailChange(
  deps: Pick<EmailChangeDeps, 'store' | 'clock'>, token: string,
): Promise<{ before: Account; account: Account } | undefined> {
  const found = await findLinkToken(confirmations(deps.store), deps.store.accounts, token, deps.clock.now());
  if (!found) return undefined;
  const { doc, account: before } = found;
  const now = deps.clock.now().toISOString();
  await confirmations(deps.store).put({ ...doc, usedAt: now });
  const account = await deps.store.accounts.update(doc.accountId, { notificationEmail: doc.email, updatedAt: now });
  await deps.store.flush();
  return { before, account };
}
