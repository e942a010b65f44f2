import { expect } from 'chai';
import { completeFirstLogin } from '../../../gateway/auth/first-login.ts';
import { issueInitialSecret } from '../../../gateway/auth/secrets.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import { StoreError } from '../../../gateway/store/types.ts';
import type { AccountRepo } from '../../../gateway/store/types.ts';
import { manualClock } from '../../support/clock.ts';
import { cheapHasher, makeAccount } from './auth-test-support.ts';

const NEW_PASSWORD = 'ik kies nu mijn eigen wachtzin';

describe('completeFirstLogin', () => {
  const hasher = cheapHasher();

  async function invited() {
    const clock = manualClock('2026-03-01T09:00:00Z');
    const store = createMemoryStore();
    const issued = issueInitialSecret(clock.now());
    const account = await store.accounts.create(makeAccount({
      username: 'nieuweouder', email: 'a.jansen@example.nl', mustChangePassword: true,
      initialSecretHash: issued.hash, initialSecretExpiresAt: issued.expiresAt,
    }));
    clock.advance(5 * 60_000);
    return { clock, store, account, secret: issued.secret, deps: { clock, hasher } };
  }

  it('sets the password, clears the initial secret and the must-change flag', async () => {
    const { store, account, deps } = await invited();
    const result = await completeFirstLogin(store.accounts, account.id, { newPassword: NEW_PASSWORD }, deps);
    expect(result.ok).to.equal(true);
    const stored = await store.accounts.get(account.id);
    expect(stored).to.not.have.property('initialSecretHash');
    expect(stored).to.not.have.property('initialSecretExpiresAt');
    expect(stored?.mustChangePassword).to.equal(false);
    expect(stored?.username).to.equal('nieuweouder');
    expect(stored?.updatedAt).to.equal('2026-03-01T09:05:00.000Z');
    expect(await hasher.verifyPassword(stored?.passwordHash as string, NEW_PASSWORD)).to.equal(true);
  });

  it('works once: a second completion is refused', async () => {
    const { store, account, deps } = await invited();
    await completeFirstLogin(store.accounts, account.id, { newPassword: NEW_PASSWORD }, deps);
    expect(await completeFirstLogin(store.accounts, account.id, { newPassword: 'en nog eens een andere zin' }, deps))
      .to.deep.equal({ ok: false, reasons: ['not_pending'] });
  });

  it('refuses unknown and disabled accounts', async () => {
    const { store, account, deps } = await invited();
    expect(await completeFirstLogin(store.accounts, 'nope', { newPassword: NEW_PASSWORD }, deps))
      .to.deep.equal({ ok: false, reasons: ['not_pending'] });
    await store.accounts.update(account.id, { status: 'disabled' });
    expect(await completeFirstLogin(store.accounts, account.id, { newPassword: NEW_PASSWORD }, deps))
      .to.deep.equal({ ok: false, reasons: ['not_pending'] });
  });

  it('applies the password policy with the account as context, changing nothing on refusal', async () => {
    const { store, account, deps } = await invited();
    expect(await completeFirstLogin(store.accounts, account.id, { newPassword: 'kort' }, deps))
      .to.deep.equal({ ok: false, reasons: ['too_short'] });
    expect(await completeFirstLogin(store.accounts, account.id, { newPassword: 'Wachtwoord2026!!!!' }, deps))
      .to.deep.equal({ ok: false, reasons: ['blocklisted'] });
    expect(await completeFirstLogin(store.accounts, account.id, { newPassword: 'ajansen is mijn naam hier' }, deps))
      .to.deep.equal({ ok: false, reasons: ['contains_username'] });
    expect(await completeFirstLogin(store.accounts, account.id, { newPassword: 'nieuweouder2026!!' }, deps))
      .to.deep.equal({ ok: false, reasons: ['contains_username'] });
    const withNames = { ...deps, policyContext: { names: ['Floortje Jansen'], schoolName: 'De Klimop' } };
    expect(await completeFirstLogin(store.accounts, account.id, { newPassword: 'Floortje!!Klimop!!' }, withNames))
      .to.deep.equal({ ok: false, reasons: ['context_word'] });
    expect((await store.accounts.get(account.id))?.mustChangePassword).to.equal(true);
  });

  it('refuses the initial secret itself as the new password', async () => {
    const { store, account, deps, secret } = await invited();
    expect(await completeFirstLogin(store.accounts, account.id, { newPassword: secret }, deps))
      .to.deep.equal({ ok: false, reasons: ['reused_initial_secret'] });
  });

  it('honours minLength for accounts with a second factor', async () => {
    const { store, account, deps } = await invited();
    expect((await completeFirstLogin(store.accounts, account.id, { newPassword: 'Kq9!vB2x' }, { ...deps, minLength: 8 })).ok)
      .to.equal(true);
  });

  describe('choosing a username', () => {
    it('normalises and saves it', async () => {
      const { store, account, deps } = await invited();
      const result = await completeFirstLogin(store.accounts, account.id, { newPassword: NEW_PASSWORD, newUsername: '  Anna.Jansen ' }, deps);
      expect(result.ok && result.account.username).to.equal('anna.jansen');
      expect((await store.accounts.findByUsername('anna.jansen'))?.id).to.equal(account.id);
    });

    it('keeps the old one when left empty', async () => {
      const { store, account, deps } = await invited();
      const result = await completeFirstLogin(store.accounts, account.id, { newPassword: NEW_PASSWORD, newUsername: '   ' }, deps);
      expect(result.ok && result.account.username).to.equal('nieuweouder');
    });

    it('checks the format', async () => {
      const { store, account, deps } = await invited();
      const run = (newUsername: string) => completeFirstLogin(store.accounts, account.id, { newPassword: NEW_PASSWORD, newUsername }, deps);
      expect(await run('ab')).to.deep.equal({ ok: false, reasons: ['username_too_short'] });
      expect(await run('a'.repeat(65))).to.deep.equal({ ok: false, reasons: ['username_too_long'] });
      expect(await run('anna jansen')).to.deep.equal({ ok: false, reasons: ['username_invalid'] });
      expect(await run('änna')).to.deep.equal({ ok: false, reasons: ['username_invalid'] });
      expect((await run('a.jansen_2@x-y.nl')).ok).to.equal(true);
    });

    it('refuses a username taken by someone else, in any case', async () => {
      const { store, account, deps } = await invited();
      await store.accounts.create(makeAccount({ username: 'bezet' }));
      expect(await completeFirstLogin(store.accounts, account.id, { newPassword: NEW_PASSWORD, newUsername: 'BEZET' }, deps))
        .to.deep.equal({ ok: false, reasons: ['username_taken'] });
    });

    it('reports policy and username reasons together', async () => {
      const { store, account, deps } = await invited();
      await store.accounts.create(makeAccount({ username: 'bezet' }));
      expect(await completeFirstLogin(store.accounts, account.id, { newPassword: 'kort', newUsername: 'bezet' }, deps))
        .to.deep.equal({ ok: false, reasons: ['username_taken', 'too_short'] });
    });

    it('checks the password against the new and the old username', async () => {
      const { store, account, deps } = await invited();
      const run = (newPassword: string) => completeFirstLogin(store.accounts, account.id, { newPassword, newUsername: 'annaj' }, deps);
      expect(await run('annaj heeft een mooie fiets')).to.deep.equal({ ok: false, reasons: ['contains_username'] });
      expect(await run('nieuweouder!!2026!!')).to.deep.equal({ ok: false, reasons: ['context_word'] });
    });

    it('turns a lost race for the username into username_taken', async () => {
      const { store, account, deps } = await invited();
      const racing: AccountRepo = {
        ...store.accounts,
        get: (id) => store.accounts.get(id),
        findByUsername: async () => undefined,
        update: async () => {
          throw new StoreError('DUPLICATE', 'Username taken');
        },
      };
      expect(await completeFirstLogin(racing, account.id, { newPassword: NEW_PASSWORD, newUsername: 'snel' }, deps))
        .to.deep.equal({ ok: false, reasons: ['username_taken'] });
    });
  });
});
