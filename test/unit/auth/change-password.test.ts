import { expect } from 'chai';
import { changePassword } from '../../../gateway/auth/change-password.ts';
import { createLoginThrottle } from '../../../gateway/auth/throttle.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import { manualClock } from '../../support/clock.ts';
import { cheapHasher, makeAccount } from './auth-test-support.ts';

const CURRENT = 'mijn fiets staat bij de bakker';
const NEXT = 'de kat van de buren zit op het dak';

describe('changePassword', () => {
  const hasher = cheapHasher();

  async function withAccount() {
    const clock = manualClock('2026-03-01T09:00:00Z');
    const store = createMemoryStore();
    const account = await store.accounts.create(makeAccount({
      username: 'jdevries', email: 'j.devries@example.nl', passwordHash: await hasher.hashPassword(CURRENT),
    }));
    clock.advance(60_000);
    return { clock, store, account, deps: { clock, hasher } };
  }

  it('replaces the hash after checking the current password', async () => {
    const { store, account, deps } = await withAccount();
    expect(await changePassword(store.accounts, account.id, { currentPassword: CURRENT, newPassword: NEXT }, deps))
      .to.deep.equal({ ok: true });
    const stored = await store.accounts.get(account.id);
    expect(await hasher.verifyPassword(stored?.passwordHash as string, NEXT)).to.equal(true);
    expect(await hasher.verifyPassword(stored?.passwordHash as string, CURRENT)).to.equal(false);
    expect(stored?.updatedAt).to.equal('2026-03-01T09:01:00.000Z');
  });

  it('refuses a wrong current password and keeps the old hash', async () => {
    const { store, account, deps } = await withAccount();
    expect(await changePassword(store.accounts, account.id, { currentPassword: 'verkeerd verkeerd', newPassword: NEXT }, deps))
      .to.deep.equal({ ok: false, reasons: ['wrong_current_password'] });
    expect((await store.accounts.get(account.id))?.passwordHash).to.equal(account.passwordHash);
  });

  it('applies the policy, with the username and e-mail as context', async () => {
    const { store, account, deps } = await withAccount();
    const run = (newPassword: string) => changePassword(store.accounts, account.id, { currentPassword: CURRENT, newPassword }, deps);
    expect(await run('kort')).to.deep.equal({ ok: false, reasons: ['too_short'] });
    expect(await run('jdevries heeft een fiets')).to.deep.equal({ ok: false, reasons: ['contains_username'] });
    expect(await run('Voetbal2026!!!!!!')).to.deep.equal({ ok: false, reasons: ['blocklisted'] });
  });

  it('reports a wrong current password and policy reasons together', async () => {
    const { store, account, deps } = await withAccount();
    expect(await changePassword(store.accounts, account.id, { currentPassword: 'nee', newPassword: 'kort' }, deps))
      .to.deep.equal({ ok: false, reasons: ['wrong_current_password', 'too_short'] });
  });

  it('refuses accounts that must use the first-login flow, or are disabled or unknown', async () => {
    const { store, account, deps } = await withAccount();
    expect(await changePassword(store.accounts, 'nope', { currentPassword: CURRENT, newPassword: NEXT }, deps))
      .to.deep.equal({ ok: false, reasons: ['wrong_current_password'] });
    await store.accounts.update(account.id, { mustChangePassword: true });
    expect(await changePassword(store.accounts, account.id, { currentPassword: CURRENT, newPassword: NEXT }, deps))
      .to.deep.equal({ ok: false, reasons: ['wrong_current_password'] });
    await store.accounts.update(account.id, { mustChangePassword: false, status: 'disabled' });
    expect(await changePassword(store.accounts, account.id, { currentPassword: CURRENT, newPassword: NEXT }, deps))
      .to.deep.equal({ ok: false, reasons: ['wrong_current_password'] });
  });

  it('throttles guesses at the current password like logins', async () => {
    const { store, account, deps, clock } = await withAccount();
    const throttle = createLoginThrottle({ clock });
    const withThrottle = { ...deps, throttle, ip: '203.0.113.7' };
    for (let i = 0; i < 5; i++) {
      await changePassword(store.accounts, account.id, { currentPassword: `gok ${i} gok gok`, newPassword: NEXT }, withThrottle);
    }
    expect(await changePassword(store.accounts, account.id, { currentPassword: CURRENT, newPassword: NEXT }, withThrottle))
      .to.deep.equal({ ok: false, reasons: ['throttled'], retryAfterSec: 60 });
    // The same counter as the login form: the lock holds there too.
    expect(await throttle.check({ username: 'JDeVries', ip: '203.0.113.7' })).to.deep.equal({ allowed: false, retryAfterSec: 60 });
    clock.advance(60_000);
    expect(await changePassword(store.accounts, account.id, { currentPassword: CURRENT, newPassword: NEXT }, withThrottle))
      .to.deep.equal({ ok: true });
  });
});
