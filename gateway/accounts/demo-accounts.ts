/**
 * Demo mode only: give a few provisioned accounts known credentials so a newcomer can log in.
 * The accounts must already exist (provisioned from the SIS); nothing here invents a parent.
 */
import type { Clock } from '../../adapters/contract/index.ts';
import type { PasswordHasher } from '../auth/password-hash.ts';
import { hashInitialSecret } from '../auth/secrets.ts';
import type { AccountRepo } from '../store/types.ts';

export interface DemoAccountConfig {
  guardianId: string;
  description: string;
  username: string;
  password?: string;
  initialSecret?: string;
}

export interface DemoLogin {
  description: string;
  username: string;
  /** The password, or the initial secret for a first login. */
  secret: string;
  firstLogin: boolean;
}

export async function applyDemoAccounts(
  deps: { accounts: AccountRepo; hasher: PasswordHasher; clock: Clock },
  demo: readonly DemoAccountConfig[],
  invitationValidityMs: number,
): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [];
  for (const entry of demo) {
    const account = await deps.accounts.findByGuardianId(entry.guardianId);
    if (!account) throw new Error(`demo.accounts: guardian ${entry.guardianId} has no account (not eligible in the SIS?)`);
    const now = deps.clock.now();
    const common = { username: entry.username, updatedAt: now.toISOString() };
    if (entry.password !== undefined) {
      await deps.accounts.update(account.id, {
        ...common,
        passwordHash: await deps.hasher.hashPassword(entry.password),
        mustChangePassword: false,
        initialSecretHash: undefined,
        initialSecretExpiresAt: undefined,
      });
      logins.push({ description: entry.description, username: entry.username, secret: entry.password, firstLogin: false });
    } else if (entry.initialSecret !== undefined) {
      await deps.accounts.update(account.id, {
        ...common,
        passwordHash: undefined,
        mustChangePassword: true,
        initialSecretHash: hashInitialSecret(entry.initialSecret),
        initialSecretExpiresAt: new Date(now.getTime() + invitationValidityMs).toISOString(),
      });
      logins.push({ description: entry.description, username: entry.username, secret: entry.initialSecret, firstLogin: true });
    }
  }
  return logins;
}
