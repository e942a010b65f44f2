/**
 * Invitations: the mail with a parent's username and login code (the initial secret). The code is
 * made here, at invitation time; the account keeps only its hash and expiry, and the mail waits
 * in the outbox sealed. The mail's delivery key is `invite:<account>:<issue>`, so whatever runs
 * twice sends one mail per issue; an operator's re-issue is the next issue, with a new code that
 * replaces the old one. No long-lived password is ever mailed.
 *
 * Crash-safe in three steps: (1) the account records issue n with the new code's hash,
 * (2) the mail is queued, (3) the account records that issue n is queued. A run that finds
 * step 3 missing looks in the outbox: queued already → only step 3; not queued → issue n again.
 */
import type { Locale } from '../i18n/translate.ts';
import { issueInitialSecret } from '../auth/secrets.ts';
import { mailLocale, schoolMailModel } from '../mail/school-model.ts';
import type { Services } from '../services.ts';
import type { Account } from '../store/types.ts';

export type InvitationDeps = Pick<Services, 'config' | 'clock' | 'mail' | 'mailRenderer' | 'outbox'> & {
  accounts: Services['store']['accounts'];
};

export type InviteOutcome =
  | { outcome: 'invited'; issue: number }
  /** Not active, no e-mail address, already invited (first invitations only), or a password of its own. */
  | { outcome: 'skipped'; reason: 'inactive' | 'no-email' | 'already-invited' | 'has-password' };

export const invitationKey = (accountId: string, issue: number) => `invite:${accountId}:${issue}`;

function renderInvitation(deps: InvitationDeps, account: Account, secret: string, expiresAt: string) {
  const locale: Locale = mailLocale(account, deps.config);
  return deps.mailRenderer.render('invitation', locale, {
    ...schoolMailModel(deps.config, locale, deps.clock.now()),
    username: account.username,
    code: secret,
    expiresAt,
  }, { school: deps.config.school.name });
}

async function issue(deps: InvitationDeps, account: Account, n: number): Promise<InviteOutcome> {
  const now = deps.clock.now();
  const issued = issueInitialSecret(now, { validForHours: deps.config.auth.invitationValidity / 3_600_000 });
  const updated = await deps.accounts.update(account.id, {
    initialSecretHash: issued.hash,
    initialSecretExpiresAt: issued.expiresAt,
    mustChangePassword: true,
    invitations: n,
    updatedAt: now.toISOString(),
  });
  const mail = renderInvitation(deps, updated, issued.secret, issued.expiresAt);
  await deps.mail.queue(invitationKey(account.id, n), { to: account.email!, ...mail }, { sealed: true });
  await deps.accounts.update(account.id, { invitationQueued: n, invitedAt: deps.clock.now().toISOString(), updatedAt: deps.clock.now().toISOString() });
  return { outcome: 'invited', issue: n };
}

/**
 * Invites one account: its first invitation, or with `reissue` a new one (an operator's
 * re-issue: the earlier code stops working). An account that has a password of its own is never
 * invited (a forgotten password goes through the reset mail).
 */
export async function inviteAccount(deps: InvitationDeps, account: Account, options: { reissue?: boolean } = {}): Promise<InviteOutcome> {
  if (account.status !== 'active') return { outcome: 'skipped', reason: 'inactive' };
  if (!account.email) return { outcome: 'skipped', reason: 'no-email' };
  if (account.passwordHash) return { outcome: 'skipped', reason: 'has-password' };
  const latest = account.invitations ?? 0;
  const queued = account.invitationQueued ?? 0;
  if (latest > queued) {
    // A run stopped between steps: finish that issue rather than start another.
    if (await deps.outbox.get(invitationKey(account.id, latest))) {
      await deps.accounts.update(account.id, { invitationQueued: latest, invitedAt: deps.clock.now().toISOString(), updatedAt: deps.clock.now().toISOString() });
      return { outcome: 'invited', issue: latest };
    }
    return issue(deps, account, latest);
  }
  if (latest > 0 && !options.reissue) return { outcome: 'skipped', reason: 'already-invited' };
  // A pending login code set another way (the demo's) counts as an invitation already had.
  if (latest === 0 && account.initialSecretHash && !options.reissue) return { outcome: 'skipped', reason: 'already-invited' };
  return issue(deps, account, latest + 1);
}

export interface InviteAllReport {
  invited: string[];
  skipped: number;
}

/** First invitations for every account that has none yet (the invitation day; the nightly run after it). */
export async function inviteAll(deps: InvitationDeps): Promise<InviteAllReport> {
  const report: InviteAllReport = { invited: [], skipped: 0 };
  for (const account of await deps.accounts.list()) {
    const result = await inviteAccount(deps, account);
    if (result.outcome === 'invited') report.invited.push(account.id);
    else report.skipped += 1;
  }
  return report;
}
