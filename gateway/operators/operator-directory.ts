/**
 * The school's operators as config lists them (`operators.accounts`), until operators log in with
 * the school's identity provider. Passwords are argon2id hashes; a `demoPassword` exists only in
 * demo mode (refused otherwise) and is hashed in memory on first use, never stored.
 * An unknown username costs the same work as a wrong password, so timing tells nothing.
 */
import type { PasswordHasher } from '../auth/password-hash.ts';
import { ConfigError } from '../config/config-error.ts';
import type { Config } from '../config/index.ts';
import type { StaffRole } from './roles.ts';

export interface Operator {
  username: string;
  name: string;
  roles: StaffRole[];
}

export interface OperatorDemoLogin {
  username: string;
  password: string;
  name: string;
}

export interface OperatorDirectory {
  /** The operator for these credentials, or undefined (unknown user and wrong password alike). */
  authenticate(username: string, password: string): Promise<Operator | undefined>;
  get(username: string): Operator | undefined;
  /** Every configured account (for the audit search's staff list). */
  list(): Operator[];
  /** Demo mode only: the logins boot prints. */
  readonly demoLogins: readonly OperatorDemoLogin[];
}

type OperatorsConfig = Config['operators'];

export function createOperatorDirectory(
  config: OperatorsConfig, options: { hasher: PasswordHasher; demoEnabled: boolean },
): OperatorDirectory {
  const withDemo = config.accounts.filter((a) => a.demoPassword !== undefined);
  if (withDemo.length > 0 && !options.demoEnabled) {
    throw new ConfigError(withDemo.map((a) => `operators.accounts (${a.username}).demoPassword: only allowed with demo.enabled; configure a passwordHash`));
  }
  const byName = new Map(config.accounts.map((a) => [a.username, a]));
  const demoHashes = new Map<string, Promise<string>>();

  function hashOf(username: string): Promise<string> | undefined {
    const account = byName.get(username);
    if (!account) return undefined;
    if (account.passwordHash) return Promise.resolve(account.passwordHash);
    let hash = demoHashes.get(username);
    if (!hash) {
      hash = options.hasher.hashPassword(account.demoPassword!);
      demoHashes.set(username, hash);
    }
    return hash;
  }

  const operatorOf = (username: string): Operator | undefined => {
    const account = byName.get(username);
    return account && { username: account.username, name: account.name ?? account.username, roles: [...account.roles] };
  };

  return {
    async authenticate(username, password) {
      const normalized = username.trim().toLowerCase();
      const hash = hashOf(normalized);
      if (!hash) return options.hasher.verifyDummy(password).then(() => undefined);
      return (await options.hasher.verifyPassword(await hash, password)) ? operatorOf(normalized) : undefined;
    },
    get: operatorOf,
    list: () => config.accounts.map((a) => operatorOf(a.username)!),
    demoLogins: withDemo.map((a) => ({ username: a.username, password: a.demoPassword!, name: a.name ?? a.username })),
  };
}
