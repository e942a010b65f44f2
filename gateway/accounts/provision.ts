/**
 * Provisioning: the accounts follow the SIS. One account per eligible guardian (gezag and an
 * e-mail address), never two — the store refuses a second account for one guardian id. Each run:
 * - a new eligible guardian gets an account with a generated, non-personal username and no secret
 *   yet (the invitation issues the login code, see invitations.ts);
 * - an existing account follows the SIS: its e-mail address and its children with gezag
 *   (`studentIds`, a child added or leaving);
 * - an account whose last child with gezag left (or whose guardian left the SIS) is disabled, with
 *   reason 'left', and enabled again should a child with gezag return; an operator's disabling stays;
 * - a child no active account lists any more (it left the school, or the last parent with an
 *   account lost gezag) has its cached SIS records purged: the cache is no second archive.
 * Re-runs are idempotent: a run over an unchanged SIS changes nothing.
 *
 * Safety: when a run would disable more than half of the active accounts at once (and more than
 * ten), the SIS
 * answer is more likely broken than the school emptied; nothing is disabled and the report says so.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Clock, Guardian } from '../../adapters/contract/index.ts';
import type { SisService } from '../sis/types.ts';
import { isStoreError } from '../store/types.ts';
import type { Account, AccountRepo } from '../store/types.ts';
import { gezagStudentIds, invitationEmail, isEligible } from './eligibility.ts';

export interface ProvisionedAccount {
  accountId: string;
  guardianId: string;
  username: string;
}

export interface ProvisionReport {
  created: ProvisionedAccount[];
  /** Accounts whose e-mail address or children changed. */
  updated: number;
  /** Ids of the accounts disabled by this run (their last child left). */
  disabled: string[];
  /** Ids of the accounts enabled again (a child with gezag returned). */
  enabled: string[];
  /** Guardians without an account who are not eligible (no gezag, or no e-mail address). */
  skipped: number;
  /** True when the run refused to disable (see the safety rule above). */
  disableRefused: boolean;
  /** Pupils whose cached SIS records were purged: this run took them off the last active account. */
  forgotten: string[];
}

export interface ProvisionOptions {
  usernamePrefix?: string;
  /** No longer used: the login code is issued with the invitation, not at provisioning. */
  invitationValidityMs?: number;
}

const USERNAME_DIGITS = 6;
/** Below this many, disabling is never suspicious (a small school, a test). */
const MAX_SILENT_DISABLES = 10;

/** A username of the prefix and random digits that no account has yet. */
export async function freeUsername(accounts: AccountRepo, prefix: string): Promise<string> {
  for (;;) {
    const candidate = `${prefix}${randomInt(10 ** (USERNAME_DIGITS - 1), 10 ** USERNAME_DIGITS)}`;
    if (!(await accounts.findByUsername(candidate))) return candidate;
  }
}

const sameList = (a: readonly string[] | undefined, b: readonly string[]) => (a ?? []).join(',') === b.join(',');

/** What the SIS now says about an existing account, as a patch (empty when nothing changed). */
function followSis(account: Account, guardian: Guardian | undefined): Partial<Account> {
  // A limited account (granted by an operator, DOMAIN §5) follows its children without gezag too.
  const studentIds = !guardian ? [] : account.scope === 'limited'
    ? [...new Set(guardian.children.map((l) => l.studentId))].sort()
    : gezagStudentIds(guardian);
  const email = guardian && invitationEmail(guardian);
  const patch: Partial<Account> = {};
  if (!sameList(account.studentIds, studentIds)) patch.studentIds = studentIds;
  // An address removed in the SIS leaves the last known one: the parent still needs resets.
  if (email !== undefined && email !== account.email) patch.email = email;
  if (studentIds.length === 0 && account.status === 'active') {
    patch.status = 'disabled';
    patch.disabledReason = 'left';
  } else if (studentIds.length > 0 && account.status === 'disabled' && account.disabledReason === 'left') {
    patch.status = 'active';
    patch.disabledReason = undefined;
  }
  return patch;
}

/** Pupils this run took off an account that no active account lists now: their cache goes. */
async function forgetUnlisted(deps: { sis: Pick<SisService, 'forget'>; accounts: AccountRepo }, dropped: ReadonlySet<string>): Promise<string[]> {
  if (dropped.size === 0) return [];
  const listed = new Set((await deps.accounts.list()).filter((a) => a.status === 'active').flatMap((a) => a.studentIds ?? []));
  const forgotten = [...dropped].filter((id) => !listed.has(id)).sort();
  for (const studentId of forgotten) await deps.sis.forget(studentId);
  return forgotten;
}

/**
 * Creates the guardian's account, or returns undefined when another instance sharing the store
 * created it meanwhile (DUPLICATE on the guardian); a username taken meanwhile is drawn again.
 */
async function createAccount(
  deps: { accounts: AccountRepo }, guardian: Guardian, options: ProvisionOptions, now: () => string,
): Promise<Account | undefined> {
  for (let attempt = 0; ; attempt += 1) {
    const account: Account = {
      id: randomUUID(),
      guardianId: guardian.id,
      username: await freeUsername(deps.accounts, options.usernamePrefix ?? 'ouder'),
      mustChangePassword: true,
      status: 'active',
      scope: 'full',
      email: invitationEmail(guardian),
      studentIds: gezagStudentIds(guardian),
      createdAt: now(),
      updatedAt: now(),
    };
    try {
      await deps.accounts.create(account);
      return account;
    } catch (err) {
      if (!isStoreError(err, 'DUPLICATE') || attempt >= 3) throw err;
      if (await deps.accounts.findByGuardianId(guardian.id)) return undefined;
    }
  }
}

export async function provisionAccounts(
  deps: { sis: Pick<SisService, 'allGuardians' | 'forget'>; accounts: AccountRepo; clock: Clock },
  options: ProvisionOptions = {},
): Promise<ProvisionReport> {
  const report: ProvisionReport = { created: [], updated: 0, disabled: [], enabled: [], skipped: 0, disableRefused: false, forgotten: [] };
  const dropped = new Set<string>();
  const guardians = new Map<string, Guardian>();
  for await (const guardian of deps.sis.allGuardians()) guardians.set(guardian.id, guardian);

  const now = () => deps.clock.now().toISOString();
  const accounts = await deps.accounts.list();
  const byGuardian = new Map(accounts.map((a) => [a.guardianId, a]));
  const patches = accounts.map((account) => ({ account, patch: followSis(account, guardians.get(account.guardianId)) }));
  const disabling = patches.filter(({ patch }) => patch.status === 'disabled').length;
  const active = accounts.filter((a) => a.status === 'active').length;
  report.disableRefused = disabling > MAX_SILENT_DISABLES && disabling * 2 > active;

  for (const { account, patch } of patches) {
    if (report.disableRefused && patch.status === 'disabled') {
      delete patch.status;
      delete patch.disabledReason;
      delete patch.studentIds;
    }
    if (Object.keys(patch).length === 0) continue;
    // The retention purge counts from here (retention.disabledAccounts).
    if (patch.status === 'disabled') patch.disabledAt = now();
    else if (patch.status === 'active') patch.disabledAt = undefined;
    for (const id of account.studentIds ?? []) if (patch.studentIds && !patch.studentIds.includes(id)) dropped.add(id);
    await deps.accounts.update(account.id, { ...patch, updatedAt: now() });
    if (patch.status === 'disabled') report.disabled.push(account.id);
    else if (patch.status === 'active') report.enabled.push(account.id);
    else report.updated += 1;
  }

  for (const guardian of guardians.values()) {
    if (byGuardian.has(guardian.id)) continue;
    if (!isEligible(guardian)) {
      report.skipped += 1;
      continue;
    }
    const account = await createAccount(deps, guardian, options, now);
    if (!account) {
      // Another instance on the same store created this guardian's account at the same moment.
      report.skipped += 1;
      continue;
    }
    report.created.push({ accountId: account.id, guardianId: guardian.id, username: account.username });
  }
  report.forgotten = await forgetUnlisted(deps, dropped);
  return report;
}
