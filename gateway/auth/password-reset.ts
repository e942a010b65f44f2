/**
 * Password reset by e-mail. A request for an address mails every active account whose SIS address
 * (the address the school has for the guardian) it is a link holding a random token
 * of 256 bits; the store keeps only its SHA-256 (see secrets.ts for why a fast hash is right for
 * such tokens), the link works once and for mail.passwordReset.validity, and the mail waits in the
 * outbox sealed. Whether or not any account has the address, the caller shows the same answer —
 * after the same work: for an address nobody has, a token is made, hashed, its mail rendered,
 * sealed and rehearsed through the outbox (mail.rehearse), only nothing is stored or sent, so the
 * answer does not take measurably shorter for an unknown address.
 * A completed reset sets the new password, ends any pending first login, voids the account's
 * other reset links, ends every session of the account and clears the login throttle's count for
 * its username (the way out of the 100-failures limit).
 *
 * Only the SIS address: a notification address the parent chose — perhaps in a borrowed session —
 * never becomes a way to recover the account. The school changes the SIS address, not a session.
 */
import type { Locale } from '../i18n/translate.ts';
import { linkBase } from '../mail/create-mailer.ts';
import { mailLocale, schoolMailModel } from '../mail/school-model.ts';
import type { Services } from '../services.ts';
import type { Account } from '../store/types.ts';
import { defaultHasher } from './password-hash.ts';
import { checkNewPassword, type PolicyReason } from './password-policy.ts';
import { findLinkToken, issueLinkToken, type LinkTokenDoc } from './link-token.ts';

export const RESET_TOKENS_COLLECTION = 'resetTokens';

export type ResetTokenDoc = LinkTokenDoc;

export type ResetDeps = Pick<Services, 'config' | 'clock' | 'store' | 'mail' | 'mailRenderer' | 'hasher'> & Partial<Pick<Services, 'throttle'>>;

const normalise = (address: string) => address.trim().toLowerCase();

export function resetTokens(store: Services['store']) {
  return store.collection<ResetTokenDoc>(RESET_TOKENS_COLLECTION);
}

/** Active accounts whose SIS address this is. */
async function accountsWithAddress(deps: ResetDeps, address: string): Promise<Account[]> {
  const wanted = normalise(address);
  return (await deps.store.accounts.list()).filter((a) => a.status === 'active' && a.email !== undefined && normalise(a.email) === wanted);
}

interface ResetMail {
  doc: ResetTokenDoc;
  key: string;
  to: string;
  mail: ReturnType<ResetDeps['mailRenderer']['render']>;
}

/** The token, its record and the sealed mail with the link, for one account (or a stand-in). */
function resetMailFor(deps: ResetDeps, account: Pick<Account, 'id' | 'username' | 'locale'>, to: string): ResetMail {
  const { token, doc } = issueLinkToken(account.id, deps.clock.now(), deps.config.mail.passwordReset.validity);
  const locale: Locale = mailLocale(account, deps.config);
  const link = `${linkBase(deps.config)}/wachtwoord-herstellen?token=${token}`;
  const mail = deps.mailRenderer.render('password-reset', locale, {
    ...schoolMailModel(deps.config, locale, deps.clock.now()), username: account.username, link, expiresAt: doc.expiresAt,
  }, { school: deps.config.school.name });
  // The key names the token by a digest of its hash: unique, and nothing to learn from it.
  return { doc, key: `reset:${doc.id.slice(-32)}`, to, mail };
}

/** Queues a reset mail to each account with the address; resolves with how many (the page never says). */
export async function requestPasswordReset(deps: ResetDeps, address: string): Promise<number> {
  const accounts = await accountsWithAddress(deps, address);
  if (accounts.length === 0) {
    const standIn = resetMailFor(deps, { id: '', username: 'ouder000000' }, address.trim());
    await deps.mail.rehearse(standIn.key, { to: standIn.to, ...standIn.mail }, { sealed: true });
    return 0;
  }
  for (const account of accounts) {
    // To the address as the account has it, not as typed.
    const to = account.email!;
    const { doc, key, mail } = resetMailFor(deps, account, to);
    await resetTokens(deps.store).put(doc);
    await deps.mail.queue(key, { to, ...mail }, { sealed: true });
  }
  return accounts.length;
}

/** The account a token may reset now, if any. */
export async function accountForResetToken(deps: Pick<ResetDeps, 'store' | 'clock'>, token: string): Promise<Account | undefined> {
  return (await findLinkToken(resetTokens(deps.store), deps.store.accounts, token, deps.clock.now()))?.account;
}

export type CompleteResetResult = { ok: true; account: Account; sessionsEnded: number } | { ok: false; reasons: Array<PolicyReason | 'invalid_token'> };

export async function completePasswordReset(deps: ResetDeps, token: string, newPassword: string): Promise<CompleteResetResult> {
  const account = await accountForResetToken(deps, token);
  if (!account) return { ok: false, reasons: ['invalid_token'] };
  const policy = checkNewPassword(newPassword, {
    context: { schoolName: deps.config.school.name, username: account.username, email: account.email },
  });
  if (!policy.ok) return { ok: false, reasons: policy.reasons };

  const now = deps.clock.now().toISOString();
  const hasher = deps.hasher ?? defaultHasher;
  const updated = await deps.store.accounts.update(account.id, {
    passwordHash: await hasher.hashPassword(newPassword),
    mustChangePassword: false,
    initialSecretHash: undefined,
    initialSecretExpiresAt: undefined,
    updatedAt: now,
  });
  // This link and every other open link of the account are spent.
  const tokens = resetTokens(deps.store);
  for (const doc of await tokens.list((d) => d.accountId === account.id && !d.usedAt)) await tokens.put({ ...doc, usedAt: now });
  const sessionsEnded = await deps.store.sessions.destroyByAccount(account.id);
  await deps.throttle?.clearUser(account.username);
  await deps.store.flush();
  return { ok: true, account: updated, sessionsEnded };
}
