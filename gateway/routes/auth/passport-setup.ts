/**
 * One passport instance per app: the local strategy for parents, and a session that holds only
 * the account id. Each request re-reads the account, so a disabled account is out at once.
 */
import passport from 'passport';
import type { Clock } from '../../../adapters/contract/index.ts';
import { createLocalStrategy } from '../../auth/local-strategy.ts';
import type { PasswordHasher } from '../../auth/password-hash.ts';
import type { LoginThrottle } from '../../auth/throttle.ts';
import { localDateOf } from '../../policy/local-time.ts';
import { sectionsGranted } from '../../privacy/grant.ts';
import type { AccountRepo } from '../../store/types.ts';

export interface PassportDeps {
  accounts: AccountRepo;
  throttle: LoginThrottle;
  clock: Clock;
  hasher?: PasswordHasher;
}

export type PassportInstance = InstanceType<typeof passport.Authenticator>;

export function createPassport(deps: PassportDeps): PassportInstance {
  const instance = new passport.Authenticator();
  instance.use('local', createLocalStrategy(deps));
  instance.serializeUser((user, done) => {
    const u = user as { id?: string; accountId?: string };
    done(null, u.accountId ?? u.id);
  });
  instance.deserializeUser((id: string, done) => {
    deps.accounts.get(id).then(
      (account) => {
        if (!account || account.status !== 'active') return done(null, false);
        // A limited account whose grant ended (or was revoked) is out at once, like a disabled one.
        const sections = sectionsGranted(account, localDateOf(deps.clock.now(), 'Europe/Amsterdam'));
        if (!sections) return done(null, false);
        done(null, {
          accountId: account.id, guardianId: account.guardianId, scope: account.scope,
          ...(sections === 'all' ? {} : { sections }),
        });
      },
      (err: unknown) => done(err),
    );
  });
  return instance;
}
