/**
 * Provisioning: one account per eligible SIS guardian, never two. New accounts get a generated,
 * non-personal username and a pending initial secret; the secrets of this run are returned once
 * (for the invitation mail) and only their hashes are stored. Re-runs are idempotent.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Clock } from '../../adapters/contract/index.ts';
import { issueInitialSecret } from '../auth/secrets.ts';
import type { SisService } from '../sis/types.ts';
import type { Account, AccountRepo } from '../store/types.ts';
import { invitationEmail, isEligible } from './eligibility.ts';

export interface ProvisionedAccount {
  accountId: string;
  guardianId: string;
  username: string;
  /** Only in this result; goes into the invitation and nowhere else. */
  initialSecret: string;
}

export interface ProvisionReport {
  created: ProvisionedAccount[];
  updated: number;
  skipped: number;
}

const USERNAME_DIGITS = 6;

async function freeUsername(accounts: AccountRepo, prefix: string): Promise<string> {
  for (;;) {
    const candidate = `${prefix}${randomInt(10 ** (USERNAME_DIGITS - 1), 10 ** USERNAME_DIGITS)}`;
    if (!(await accounts.findByUsername(candidate))) return candidate;
  }
}

export async function provisionAccounts(
  deps: { sis: SisService; accounts: AccountRepo; clock: Clock },
  options: { invitationValidityMs: number; usernamePrefix?: string },
): Promise<ProvisionReport> {
  const report: ProvisionReport = { created: [], updated: 0, skipped: 0 };
  for await (const guardian of deps.sis.allGuardians()) {
    if (!isEligible(guardian)) {
      report.skipped += 1;
      continue;
    }
    const email = invitationEmail(guardian);
    const now = deps.clock.now();
    const existing = await deps.accounts.findByGuardianId(guardian.id);
    if (existing) {
      if (existing.email !== email) {
        await deps.accounts.update(existing.id, { email, updatedAt: now.toISOString() });
        report.updated += 1;
      }
      continue;
    }
    const issued = issueInitialSecret(now, { validForHours: options.invitationValidityMs / 3_600_000 });
    const account: Account = {
      id: randomUUID(),
      guardianId: guardian.id,
      username: await freeUsername(deps.accounts, options.usernamePrefix ?? 'ouder'),
      initialSecretHash: issued.hash,
      initialSecretExpiresAt: issued.expiresAt,
      mustChangePassword: true,
      status: 'active',
      scope: 'full',
      email,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await deps.accounts.create(account);
    report.created.push({ accountId: account.id, guardianId: guardian.id, username: account.username, initialSecret: issued.secret });
  }
  return report;
}
