/** The staff's page of one parent's account: who, which children, how the account stands. */
import type { Relation } from '../../../adapters/contract/index.ts';
import { isSisError } from '../../../adapters/contract/index.ts';
import { displayName } from '../parent/view-models/person-name.ts';
import type { SisService } from '../../sis/types.ts';
import type { Account, Store } from '../../store/types.ts';
import type { Outbox } from '../../outbox/index.ts';
import { parentSubject, type SecondFactor } from '../../auth/second-factor/index.ts';
import { invitationRow, latestInvitationKey, type InvitationRow } from './invitations-view.ts';

export interface AccountPage {
  id: string;
  username: string;
  guardianName?: string;
  /** operator.accounts.state.*: invited | active | disabled */
  stateKey: string;
  disabled: boolean;
  disabledReasonKey?: string;
  limited: boolean;
  grant?: { sections: string[]; sectionKeys: string[]; until: string; reason: string; grantedBy: string; grantedAt: string };
  email?: string;
  notificationEmail?: string;
  lastLoginAt?: string;
  sessions: Array<{ expiresAt: string }>;
  children: Array<{ name: string; relationKey: string; gezag: boolean; livesWith: boolean }>;
  invitation: InvitationRow;
  secondFactor: { enrolled: boolean; recoveryCodesLeft: number };
}

export const relationKey = (relation: Relation) => `operator.accounts.relation.${relation}`;

export async function accountPage(
  deps: { sis: Pick<SisService, 'getGuardian' | 'getStudent'>; store: Pick<Store, 'sessions'>; outbox: Outbox; secondFactor: Pick<SecondFactor, 'status'> },
  account: Account, now: Date,
): Promise<AccountPage> {
  const guardian = await deps.sis.getGuardian(account.guardianId).then((g) => g.value, (err: unknown) => {
    if (isSisError(err)) return undefined;
    throw err;
  });
  const children: AccountPage['children'] = [];
  for (const link of guardian?.children ?? []) {
    const name = await deps.sis.getStudent(link.studentId).then((s) => displayName(s.value.name), () => '—');
    children.push({ name, relationKey: relationKey(link.relation), gezag: link.gezag, livesWith: link.livesWith });
  }
  const mailKey = latestInvitationKey(account);
  const sessions = await deps.store.sessions.listByAccount(account.id, now);
  const invited = account.status === 'active' && !account.passwordHash;
  return {
    id: account.id,
    username: account.username,
    ...(guardian ? { guardianName: displayName(guardian.name) } : {}),
    stateKey: `operator.accounts.state.${account.status === 'disabled' ? 'disabled' : invited ? 'invited' : 'active'}`,
    disabled: account.status === 'disabled',
    ...(account.disabledReason ? { disabledReasonKey: `operator.accounts.disabledReason.${account.disabledReason}` } : {}),
    limited: account.scope === 'limited',
    ...(account.grant ? {
      grant: { ...account.grant, sections: [...account.grant.sections], sectionKeys: account.grant.sections.map((s) => `operator.grant.section.${s}`) },
    } : {}),
    ...(account.email ? { email: account.email } : {}),
    ...(account.notificationEmail ? { notificationEmail: account.notificationEmail } : {}),
    ...(account.lastLoginAt ? { lastLoginAt: account.lastLoginAt } : {}),
    sessions: sessions.map((s) => ({ expiresAt: s.expiresAt })).sort((a, b) => b.expiresAt.localeCompare(a.expiresAt)),
    children,
    invitation: invitationRow(account, mailKey ? await deps.outbox.get(mailKey) : undefined, now),
    secondFactor: await deps.secondFactor.status(parentSubject(account.id)),
  };
}
