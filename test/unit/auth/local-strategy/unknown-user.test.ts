import { expect } from 'chai';
import { makeAccount } from '../auth-test-support.ts';
import { PASSWORD, setup } from './setup.ts';

/**
 * An unknown username, a disabled account, an account without any credential and a wrong
 * password must be indistinguishable: the same info, and the same argon2 work (one verification).
 */
describe('local strategy: failures that must look alike', () => {
  async function scenario(name: string, prepare: (ctx: ReturnType<typeof setup>) => Promise<void>, username: string, password: string) {
    const ctx = setup();
    await prepare(ctx);
    const before = ctx.hasher.verifications;
    const outcome = await ctx.login(username, password);
    return { name, outcome, argon2Runs: ctx.hasher.verifications - before };
  }

  it('wrong password, unknown user, disabled account and credential-less account answer the same', async () => {
    const results = [
      await scenario('wrong password', async ({ store, hasher }) => {
        await store.accounts.create(makeAccount({ username: 'bekend', passwordHash: await hasher.hashPassword(PASSWORD) }));
      }, 'bekend', 'een heel ander wachtwoord'),
      await scenario('unknown user', async () => {}, 'onbekend', PASSWORD),
      await scenario('disabled account, right password', async ({ store, hasher }) => {
        await store.accounts.create(makeAccount({
          username: 'uit', status: 'disabled', passwordHash: await hasher.hashPassword(PASSWORD),
        }));
      }, 'uit', PASSWORD),
      await scenario('no password and no initial secret', async ({ store }) => {
        await store.accounts.create(makeAccount({ username: 'leeg', mustChangePassword: true }));
      }, 'leeg', PASSWORD),
      await scenario('absurdly long username', async () => {}, 'x'.repeat(5000), PASSWORD),
    ];
    for (const r of results) {
      expect(r.outcome, r.name).to.deep.equal({
        kind: 'fail', challenge: { reason: 'invalid', message: 'login.invalid' }, status: undefined,
      });
      expect(r.argon2Runs, r.name).to.equal(1);
    }
  });

  it('unknown usernames are throttled like known ones', async () => {
    const ctx = setup();
    for (let i = 0; i < 5; i++) await ctx.login('bestaatniet', PASSWORD);
    expect(await ctx.login('bestaatniet', PASSWORD)).to.deep.include({
      kind: 'fail', challenge: { reason: 'throttled', retryAfterSec: 60, message: 'login.throttled' },
    });
  });
});
