import { expect } from 'chai';
import { makeAccount } from '../auth-test-support.ts';
import { createPasswordHasher } from '../../../../gateway/auth/password-hash.ts';
import { IP, PASSWORD, setup } from './setup.ts';

describe('local strategy: login with a password', () => {
  async function withAccount() {
    const ctx = setup();
    const account = await ctx.store.accounts.create(makeAccount({
      username: 'jdevries', passwordHash: await ctx.hasher.hashPassword(PASSWORD),
    }));
    return { ...ctx, account };
  }

  it('is called "local"', () => {
    expect(setup().strategy.name).to.equal('local');
  });

  it('succeeds with the right password, yielding req.user plus firstLogin', async () => {
    const { login, account } = await withAccount();
    const outcome = await login('jdevries', PASSWORD);
    expect(outcome).to.deep.equal({
      kind: 'success',
      user: { accountId: account.id, guardianId: account.guardianId, scope: 'full', firstLogin: false },
      info: undefined,
    });
  });

  it('ignores case and surrounding spaces in the username', async () => {
    const { login } = await withAccount();
    expect((await login('  JDeVries ', PASSWORD)).kind).to.equal('success');
  });

  it('records the time of the login', async () => {
    const { login, account, store, clock } = await withAccount();
    clock.advance(60_000);
    await login('jdevries', PASSWORD);
    expect((await store.accounts.get(account.id))?.lastLoginAt).to.equal('2026-03-01T09:01:00.000Z');
  });

  it('fails with { reason: "invalid" } for a wrong password', async () => {
    const { login, store, account } = await withAccount();
    const outcome = await login('jdevries', `${PASSWORD}!`);
    expect(outcome).to.deep.equal({
      kind: 'fail', challenge: { reason: 'invalid', message: 'login.invalid' }, status: undefined,
    });
    expect((await store.accounts.get(account.id))?.lastLoginAt).to.equal(undefined);
  });

  it('leaves missing credentials to passport-local (400)', async () => {
    const { login } = await withAccount();
    expect(await login('jdevries', '')).to.deep.equal({
      kind: 'fail', challenge: { message: 'Missing credentials' }, status: 400,
    });
  });

  it('rehashes at the current cost after a successful login', async () => {
    const ctx = setup();
    const older = createPasswordHasher({ memoryCost: 512, timeCost: 1, parallelism: 1 });
    const oldHash = await older.hashPassword(PASSWORD);
    const account = await ctx.store.accounts.create(makeAccount({ username: 'oud', passwordHash: oldHash }));
    expect((await ctx.login('oud', PASSWORD)).kind).to.equal('success');
    const stored = (await ctx.store.accounts.get(account.id))?.passwordHash as string;
    expect(stored).to.not.equal(oldHash);
    expect(ctx.hasher.needsRehash(stored)).to.equal(false);
    expect(await ctx.hasher.verifyPassword(stored, PASSWORD)).to.equal(true);
  });

  it('a success clears earlier failures for this username and address', async () => {
    const { login } = await withAccount();
    for (let i = 0; i < 4; i++) await login('jdevries', 'fout fout fout fout');
    await login('jdevries', PASSWORD);
    for (let i = 0; i < 4; i++) await login('jdevries', 'fout fout fout fout');
    expect((await login('jdevries', PASSWORD, IP)).kind).to.equal('success');
  });

  it('passes store failures on as errors, not as a failed login', async () => {
    const ctx = setup();
    await ctx.store.close();
    const outcome = await ctx.login('jdevries', PASSWORD);
    expect(outcome.kind).to.equal('error');
    expect((outcome as { err: { code?: string } }).err.code).to.equal('CLOSED');
  });
});
