import { expect } from 'chai';
import mockModule from '../../../adapters/mock/index.ts';
import { provisionAccounts } from '../../../gateway/accounts/provision.ts';
import { verifyInitialSecret } from '../../../gateway/auth/secrets.ts';
import { createSisService } from '../../../gateway/sis/index.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import { manualClock } from '../../support/clock.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

function setUp() {
  const clock = manualClock('2026-12-07T09:00:00+01:00');
  const store = createMemoryStore();
  const adapter = mockModule.create(mockModule.configSchema.parse({}), { clock, logger: silent, http: undefined as never });
  const hour = 3_600_000;
  const sis = createSisService({
    adapter, cache: store.cache, clock, logger: silent,
    ttl: { student: hour, guardian: hour, guardiansOfStudent: hour, absences: hour, results: hour }, staleMaxAgeMs: 24 * hour,
  });
  return { clock, store, sis, deps: { sis, accounts: store.accounts, clock } };
}

describe('provisionAccounts', () => {
  it('creates one account per guardian with gezag and e-mail, with a hashed, expiring initial secret', async () => {
    const { store, deps } = setUp();
    const report = await provisionAccounts(deps, { invitationValidityMs: 14 * 24 * 3_600_000 });
    expect(report.created.length).to.be.greaterThan(250);
    expect(await store.accounts.findByGuardianId('V2008'), 'no gezag').to.equal(undefined);
    expect(await store.accounts.findByGuardianId('V2012'), 'no e-mail').to.equal(undefined);
    const first = report.created.find((c) => c.guardianId === 'V2001')!;
    const account = (await store.accounts.get(first.accountId))!;
    expect(account.mustChangePassword).to.equal(true);
    expect(account.passwordHash).to.equal(undefined);
    expect(account.initialSecretHash).not.to.include(first.initialSecret);
    expect(verifyInitialSecret(first.initialSecret, account.initialSecretHash)).to.equal(true);
    expect(account.initialSecretExpiresAt).to.equal('2026-12-21T08:00:00.000Z');
    expect(account.username).to.match(/^ouder\d{6}$/);
  });

  it('is idempotent: a second run creates nothing and never two accounts per guardian', async () => {
    const { store, deps } = setUp();
    const first = await provisionAccounts(deps, { invitationValidityMs: 1000 });
    const second = await provisionAccounts(deps, { invitationValidityMs: 1000 });
    expect(second.created).to.deep.equal([]);
    const all = await store.accounts.list();
    expect(all.length).to.equal(first.created.length);
    expect(new Set(all.map((a) => a.guardianId)).size).to.equal(all.length);
  });
});
