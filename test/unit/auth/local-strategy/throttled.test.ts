import { expect } from 'chai';
import { makeAccount } from '../auth-test-support.ts';
import { IP, PASSWORD, setup } from './setup.ts';

describe('local strategy: throttling', () => {
  async function lockedOut() {
    const ctx = setup();
    await ctx.store.accounts.create(makeAccount({ username: 'jdevries', passwordHash: await ctx.hasher.hashPassword(PASSWORD) }));
    for (let i = 0; i < 5; i++) await ctx.login('jdevries', 'raden raden raden');
    return ctx;
  }

  it('refuses even the right password while locked, saying when to retry', async () => {
    const { login } = await lockedOut();
    expect(await login('jdevries', PASSWORD)).to.deep.equal({
      kind: 'fail', challenge: { reason: 'throttled', retryAfterSec: 60, message: 'login.throttled' }, status: undefined,
    });
  });

  it('checks the throttle before any argon2 work', async () => {
    const { login, hasher } = await lockedOut();
    const before = hasher.verifications;
    await login('jdevries', PASSWORD);
    expect(hasher.verifications).to.equal(before);
  });

  it('does not count refused attempts as failures', async () => {
    const { login, clock } = await lockedOut();
    for (let i = 0; i < 10; i++) await login('jdevries', 'raden raden raden');
    clock.advance(60_000);
    expect((await login('jdevries', PASSWORD)).kind).to.equal('success');
  });

  it('locks per client address (req.ip): the parent elsewhere still gets in', async () => {
    const { login } = await lockedOut();
    expect((await login('jdevries', PASSWORD, '198.51.100.20')).kind).to.equal('success');
    expect((await login('JDEVRIES', PASSWORD, IP)).kind).to.equal('fail');
  });
});
