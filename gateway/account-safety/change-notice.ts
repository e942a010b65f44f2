/**
 * Telling the owner of every change that could take the account over: the notification address,
 * the password, the second factor switched on or off. The notice goes to the address mail went to
 * before the change and to the address the school has in the SIS (once if they are the same), with
 * a "dit was ik niet" link (single use, valid auth.undoValidity) that undoes the change, ends every
 * session and points to password reset (undo.ts).
 */
import { issueLinkToken, type LinkTokenDoc } from '../auth/link-token.ts';
import { linkBase } from '../mail/create-mailer.ts';
import { mailLocale, schoolMailModel } from '../mail/school-model.ts';
import type { Services } from '../services.ts';
import type { Account } from '../store/types.ts';

export const UNDO_TOKENS_COLLECTION = 'undoTokens';

export type ChangeKind = 'address' | 'password' | 'secondFactorOn' | 'secondFactorOff';

export interface UndoTokenDoc extends LinkTokenDoc {
  kind: ChangeKind;
  /** For 'address': the notification address before the change (absent: none of their own). */
  previousNotificationEmail?: string;
}

export type NoticeDeps = Pick<Services, 'config' | 'clock' | 'store' | 'mail' | 'mailRenderer'>;

export const undoTokens = (store: Services['store']) => store.collection<UndoTokenDoc>(UNDO_TOKENS_COLLECTION);

/** Where the notice goes: before-change address and SIS address, de-duplicated. */
export function noticeRecipients(before: Pick<Account, 'email' | 'notificationEmail'>): string[] {
  const all = [before.notificationEmail ?? before.email, before.email].filter((a): a is string => Boolean(a));
  return [...new Map(all.map((a) => [a.trim().toLowerCase(), a.trim()])).values()];
}

/** Queues the notice for a change of `before` (the account as it was); resolves with the recipients' count. */
export async function sendChangeNotice(deps: NoticeDeps, before: Account, kind: ChangeKind): Promise<number> {
  const now = deps.clock.now();
  const { token, doc } = issueLinkToken(before.id, now, deps.config.auth.undoValidity);
  await undoTokens(deps.store).put({
    ...doc, kind, ...(kind === 'address' && before.notificationEmail !== undefined && { previousNotificationEmail: before.notificationEmail }),
  });
  const locale = mailLocale(before, deps.config);
  const mail = deps.mailRenderer.render('change-notice', locale, {
    ...schoolMailModel(deps.config, locale, deps.clock.now()), username: before.username, whatKey: `mail.changeNotice.what.${kind}`, at: now.toISOString(),
    link: `${linkBase(deps.config)}/account/dit-was-ik-niet?token=${token}`, expiresAt: doc.expiresAt,
  }, { school: deps.config.school.name });
  const recipients = noticeRecipients(before);
  for (const [i, to] of recipients.entries()) {
    await deps.mail.queue(`change-notice:${doc.id.slice(-32)}:${i}`, { to, ...mail }, { sealed: true });
  }
  return recipients.length;
}
