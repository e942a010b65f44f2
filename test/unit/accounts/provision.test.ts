import { expect } from 'chai';
import type { Guardian } from '../../../adapters/contract/index.ts';
import mockModule from '../../../adapters/mock/index.ts';
import { provisionAccounts } from '../../../gateway/accounts/provision.ts';
import { createSisService } from '../../../gateway/sis/index.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import { manualClock } from '../../support/clock.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

function mockSetUp() {
  const clock = manualClock('2026-12-07T09:00:00+01:00');
  const store = createMemoryStore();
  const adapter = mockModule.create(mockModule.configSchema.parse({}), { clock, logger: silent, http: undefined as never });
  const hour = 3_600_000;
  const sis = createSisService({
    adapter, cache: store.cache, clock, logger: silent,
    ttl: { student: hour, guardian: hour, guardiansOfStudent: hour, absences: hour, results: hour, reports: hour, medical: hour }, staleMaxAgeMs: 24 * hour,
  });
  return { clock, store, sis, deps: { sis, accounts: store.accounts, clock } };
}

function guardian(id: string, email: string | undefined, children: Array<[string, boolean]>): Guardian {
  return {
    id,
    name: { given: 'Test', family: id },
    contacts: email ? [{ kind: 'email', value: email, secret: false, emergency: false }] : [],
    children: children.map(([studentId, gezag]) => ({ studentId, relation: 'mother', gezag, livesWith: true })),
  };
}

/** An SIS whose guardians the test edits between runs. */
function editableSetUp(initial: Guardian[]) {
  const clock = manualClock('2026-12-07T09:00:00+01:00');
  const store = createMemoryStore();
  const sis = {
    guardians: initial,
    forgotten: [] as string[],
    async *allGuardians() { yield* sis.guardians; },
    async forget(studentId: string) {
      sis.forgotten.push(studentId);
      return 0;
    },
  };
  return { clock, store, sis, deps: { sis, accounts: store.accounts, clock } };
}

describe('provisionAccounts', () => {
  it('two instances on one store: a guardian whose account the other created meanwhile is skipped, not a failure', async () => {
    const { deps, store } = editableSetUp([guardian('G1', 'g1@example.org', [['S1', true]]), guardian('G2', 'g2@example.org', [['S2', true]])]);
    // The other instance creates G1's account between this run's read of the accounts and its create.
    const create = store.accounts.create.bind(store.accounts);
    let raced = false;
    store.accounts.create = async (account) => {
      if (account.guardianId === 'G1' && !raced) {
        raced = true;
        await create({ ...account, id: 'other-instance', username: 'ouder000001' });
      }
      return create(account);
    };
    const report = await provisionAccounts(deps);
    expect(report.created.map((c) => c.guardianId)).to.deep.equal(['G2']);
    expect(report.skipped).to.equal(1);
    expect((await store.accounts.findByGuardianId('G1'))?.id).to.equal('other-instance');
  });

  it('creates one account per eligible mock guardian, with a generated username and no secret before the invitation', async () => {
    const { deps, store } = mockSetUp();
    const report = await provisionAccounts(deps);
    expect(report.created.length).to.equal(309);
    expect(report.skipped).to.equal(22);
    const account = (await store.accounts.findByGuardianId(report.created[0]!.guardianId))!;
    expect(account.username).to.match(/^ouder\d{6}$/);
    expect(account.mustChangePassword).to.equal(true);
    expect(account).not.to.have.property('initialSecretHash');
    expect(account).not.to.have.property('passwordHash');
    expect(account.studentIds?.length).to.be.greaterThan(0);
  });

  it('is idempotent: a second run over the same SIS changes nothing', async () => {
    const { deps, store } = mockSetUp();
    await provisionAccounts(deps);
    const before = await store.accounts.list();
    const second = await provisionAccounts(deps);
    expect(second).to.deep.equal({ created: [], updated: 0, disabled: [], enabled: [], skipped: 22, disableRefused: false, forgotten: [] });
    expect(await store.accounts.list()).to.deep.equal(before);
  });

  it('follows the SIS: a child added or leaving, a changed e-mail address; never a second account', async () => {
    const { deps, store, sis, clock } = editableSetUp([
      guardian('G1', 'ma@example.org', [['L1', true]]),
      guardian('G2', 'pa@example.org', [['L1', false]]),
      guardian('G3', undefined, [['L2', true]]),
    ]);
    const first = await provisionAccounts(deps);
    expect(first.created.map((c) => c.guardianId)).to.deep.equal(['G1']);
    expect(first.skipped).to.equal(2);

    clock.advance(86_400_000);
    sis.guardians = [
      guardian('G1', 'ma.nieuw@example.org', [['L1', true], ['L3', true]]),
      guardian('G2', 'pa@example.org', [['L1', true]]),
      guardian('G3', 'g3@example.org', [['L2', true]]),
    ];
    const second = await provisionAccounts(deps);
    expect(second.created.map((c) => c.guardianId)).to.deep.equal(['G2', 'G3']);
    expect(second.updated).to.equal(1);
    const g1 = (await store.accounts.findByGuardianId('G1'))!;
    expect(g1.email).to.equal('ma.nieuw@example.org');
    expect(g1.studentIds).to.deep.equal(['L1', 'L3']);
    expect(g1.updatedAt).to.equal(clock.now().toISOString());
    expect((await store.accounts.list()).length).to.equal(3);

    sis.guardians = [guardian('G1', 'ma.nieuw@example.org', [['L3', true]]), ...sis.guardians.slice(1)];
    await provisionAccounts(deps);
    expect((await store.accounts.findByGuardianId('G1'))!.studentIds).to.deep.equal(['L3']);
  });

  it('disables an account whose last child left, and enables it again when a child returns; an operator\'s disabling stays', async () => {
    const { deps, store, sis } = editableSetUp([
      guardian('G1', 'a@example.org', [['L1', true]]),
      guardian('G2', 'b@example.org', [['L2', true]]),
      guardian('G3', 'c@example.org', [['L3', true]]),
    ]);
    await provisionAccounts(deps);
    const g3 = (await store.accounts.findByGuardianId('G3'))!;
    await store.accounts.update(g3.id, { status: 'disabled', disabledReason: 'operator' });

    // G1's only child left; G2 left the SIS altogether.
    sis.guardians = [guardian('G1', 'a@example.org', [])];
    const left = await provisionAccounts(deps);
    expect(left.disabled.length).to.equal(2);
    const g1 = (await store.accounts.findByGuardianId('G1'))!;
    expect([g1.status, g1.disabledReason, g1.studentIds]).to.deep.equal(['disabled', 'left', []]);
    expect(g1.disabledAt, 'the retention of a disabled account counts from here').to.equal(deps.clock.now().toISOString());
    expect((await store.accounts.findByGuardianId('G2'))!.status).to.equal('disabled');
    expect((await provisionAccounts(deps)).disabled, 'idempotent').to.deep.equal([]);

    sis.guardians = [guardian('G1', 'a@example.org', [['L9', true]]), guardian('G3', 'c@example.org', [['L3', true]])];
    const back = await provisionAccounts(deps);
    expect(back.enabled).to.deep.equal([g1.id]);
    const again = (await store.accounts.findByGuardianId('G1'))!;
    expect(again.status).to.equal('active');
    expect(again).not.to.have.property('disabledReason');
    expect(again).not.to.have.property('disabledAt');
    expect((await store.accounts.findByGuardianId('G3'))!.status).to.equal('disabled');
  });

  it('purges the cached SIS records of a child no active account lists any more, and only those', async () => {
    const { deps, store, sis } = mockSetUp();
    await provisionAccounts(deps);
    const accounts = await store.accounts.list();
    const holders = (id: string) => accounts.filter((a) => a.studentIds?.includes(id));
    // A child on exactly one account whose only child it is: that account will be disabled.
    const leaver = accounts.find((a) => a.studentIds?.length === 1 && holders(a.studentIds[0]!).length === 1)!;
    const leaving = leaver.studentIds![0]!;
    // A child on two accounts: one parent loses gezag, the other keeps the child.
    const shared = accounts.flatMap((a) => a.studentIds ?? []).find((id) => id !== leaving && holders(id).length === 2)!;
    const [losing] = holders(shared);
    for (const id of [leaving, shared]) {
      await sis.getStudent(id);
      await sis.listGuardiansOfStudent(id);
    }
    expect(await store.cache.count()).to.equal(4);

    const edited = {
      forget: (id: string) => sis.forget(id),
      async *allGuardians() {
        for await (const g of sis.allGuardians()) {
          const children = g.children.filter((l) => l.studentId !== leaving
            && !(l.studentId === shared && g.id === losing!.guardianId));
          yield { ...g, children };
        }
      },
    };
    const report = await provisionAccounts({ ...deps, sis: edited });
    expect(report.disabled).to.include(leaver.id);
    expect(report.forgotten).to.deep.equal([leaving]);
    expect(await store.cache.count(), 'the shared child\'s records stay').to.equal(2);
    expect(await store.cache.deleteByStudent(leaving)).to.equal(0);
    expect(await store.cache.deleteByStudent(shared)).to.equal(2);
    expect((await provisionAccounts({ ...deps, sis: edited })).forgotten, 'once').to.deep.equal([]);
  });

  it('forgets nothing when it refuses to disable, nor a child still on an active account', async () => {
    const many = Array.from({ length: 30 }, (_, i) => guardian(`G${i}`, `p${i}@example.org`, [[`L${i}`, true], ['L-shared', true]]));
    const { deps, sis } = editableSetUp(many);
    await provisionAccounts(deps);
    sis.guardians = [];
    expect((await provisionAccounts(deps)).forgotten).to.deep.equal([]);
    sis.guardians = many.map((g, i) => (i === 0 ? guardian('G0', 'p0@example.org', []) : g));
    const report = await provisionAccounts(deps);
    expect(report.disabled).to.have.length(1);
    expect(report.forgotten).to.deep.equal(['L0']);
    expect(sis.forgotten).to.deep.equal(['L0']);
  });

  it('refuses to disable most accounts at once (an SIS answer that came back empty)', async () => {
    const many = Array.from({ length: 30 }, (_, i) => guardian(`G${i}`, `p${i}@example.org`, [[`L${i}`, true]]));
    const { deps, store, sis } = editableSetUp(many);
    await provisionAccounts(deps);
    sis.guardians = [];
    const report = await provisionAccounts(deps);
    expect(report.disableRefused).to.equal(true);
    expect(report.disabled).to.deep.equal([]);
    expect((await store.accounts.list()).every((a) => a.status === 'active')).to.equal(true);
  });
});
