/**
 * An operator re-issues an invitation (lost mail, expired code): a new login code by mail, and the
 * old code stops working. For the operator page and for bin/reissue-invitation.ts.
 */
import type { Services } from '../services.ts';
import { inviteAccount, type InviteOutcome } from './invitations.ts';

export type ReissueDeps = Pick<Services, 'config' | 'clock' | 'mail' | 'mailRenderer' | 'outbox' | 'store'>;

export type ReissueResult = InviteOutcome | { outcome: 'not-found' };

/** `who` is an account id, a username or an SIS guardian id. */
export async function reissueInvitation(deps: ReissueDeps, who: string): Promise<ReissueResult> {
  const accounts = deps.store.accounts;
  const account = (await accounts.get(who)) ?? (await accounts.findByUsername(who)) ?? (await accounts.findByGuardianId(who));
  if (!account) return { outcome: 'not-found' };
  const result = await inviteAccount({ ...deps, accounts }, account, { reissue: true });
  await deps.store.flush();
  return result;
}
