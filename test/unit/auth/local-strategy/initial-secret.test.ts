import { expect } from 'chai';
import { completeFirstLogin } from '../../../../gateway/auth/first-login.ts';
import { issueInitialSecret } from '../../../../gateway/auth/secrets.ts';
import { makeAccount } from '../auth-test-support.ts';
import { setup } from './setup.ts';

describe('local strategy: first login with the initial secret', () => {
  async function invited(validForHours = 48) {
    const ctx = setup();
    const issued = issueInitialSecret(ctx.clock.now(), { validForHours });
    const account = await ctx.store.accounts.create(makeAccount({
      username: 'nieuweouder', mustChangePassword: true,
      initialSecretHash: issued.hash, initialSecretExpiresAt: issued.expiresAt,
    }));
    return { ...ctx, account, secret: issued.secret };
  }

  it('accepts the secret and marks the login as a first login', async () => {
    const { login, secret, account } = await invited();
    expect(await login('nieuweouder', secret)).to.deep.equal({
      kind: 'success',
      user: { accountId: account.id, guardianId: account.guardianId, scope: 'full', firstLogin: true },
      info: undefined,
    });
  });

  it('accepts the secret typed in lower case with spaces instead of dashes', async () => {
    const { login, secret } = await invited();
    expect((await login('nieuweouder', secret.toLowerCase().replaceAll('-', ' '))).kind).to.equal('success');
  });

  it('does the same argon2 work as a password check, right or wrong', async () => {
    const { login, secret, hasher } = await invited();
    await login('nieuweouder', 'ABCDE-FGHJK-MNPQR-STWXY-Z2345');
    expect(hasher.verifications).to.equal(1);
    await login('nieuweouder', secret);
    expect(hasher.verifications).to.equal(2);
  });

  it('refuses a wrong secret with the usual answer', async () => {
    const { login } = await invited();
    expect(await login('nieuweouder', 'ABCDE-FGHJK-MNPQR-STWXY-Z2345')).to.deep.include({
      kind: 'fail', challenge: { reason: 'invalid', message: 'login.invalid' },
    });
  });

  it('refuses an expired secret with the usual answer', async () => {
    const { login, secret, clock } = await invited(48);
    clock.advance(48 * 3_600_000 - 1);
    expect((await login('nieuweouder', secret)).kind).to.equal('success');
    clock.advance(1);
    expect(await login('nieuweouder', secret)).to.deep.include({
      kind: 'fail', challenge: { reason: 'invalid', message: 'login.invalid' },
    });
  });

  it('refuses a secret without a recorded expiry', async () => {
    const { login, secret, store, account } = await invited();
    await store.accounts.update(account.id, { initialSecretExpiresAt: undefined });
    expect((await login('nieuweouder', secret)).kind).to.equal('fail');
  });

  it('the secret stops working once the first login is complete; the new password works', async () => {
    const { login, secret, store, account, clock, hasher } = await invited();
    expect((await login('nieuweouder', secret)).kind).to.equal('success');
    const done = await completeFirstLogin(store.accounts, account.id, { newPassword: 'ik kies nu mijn eigen wachtzin' }, { clock, hasher });
    expect(done.ok).to.equal(true);
    expect((await login('nieuweouder', secret)).kind).to.equal('fail');
    expect(await login('nieuweouder', 'ik kies nu mijn eigen wachtzin')).to.deep.include({ kind: 'success' });
    const user = (await login('nieuweouder', 'ik kies nu mijn eigen wachtzin')) as { user: { firstLogin: boolean } };
    expect(user.user.firstLogin).to.equal(false);
  });

  it('an account forced to change its password logs in with it and is sent to choose a new one', async () => {
    const ctx = setup();
    await ctx.store.accounts.create(makeAccount({
      username: 'verplicht', mustChangePassword: true, passwordHash: await ctx.hasher.hashPassword('het oude wachtwoord van mij'),
    }));
    const outcome = await ctx.login('verplicht', 'het oude wachtwoord van mij');
    expect(outcome.kind).to.equal('success');
    expect((outcome as { user: { firstLogin: boolean } }).user.firstLogin).to.equal(true);
  });
});
