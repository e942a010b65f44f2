import { expect } from 'chai';
import type { Guardian } from '../../../adapters/contract/index.ts';
import { createNightlyAccounts, invitationsHaveStarted } from '../../../gateway/accounts/account-jobs.ts';
import { createMailQueue, createMailSeal } from '../../../gateway/mail/index.ts';
import { createOutbox } from '../../../gateway/outbox/index.ts';
import type { Services } from '../../../gateway/services.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import { createTestApp } from '../../support/app.ts';

function guardian(id: string, studentId: string): Guardian {
  return {
    id, name: { given: 'Test', family: id },
    contacts: [{ kind: 'email', value: `${id.toLowerCase()}@example.org`, secret: false, emergency: false }],
    children: [{ studentId, relation: 'father', gezag: true, livesWith: true }],
  };
}

describe('the nightly accounts run', () => {
  it('provisions every night, and invites guardians added after the invitation day — each once', async () => {
    const t = await createTestApp({ now: '2026-12-01T02:30:00+01:00' });
    const store = createMemoryStore();
    const outbox = createOutbox(store, t.clock);
    const sis = { guardians: [guardian('G1', 'L1')], async *allGuardians() { yield* sis.guardians; } };
    const deps = { ...t.services, store, outbox, mail: createMailQueue({ outbox, seal: createMailSeal('s'.repeat(40)) }), sis: sis as unknown as Services['sis'] };
    const nightly = createNightlyAccounts(deps);

    const before = await nightly.runOnce();
    expect(invitationsHaveStarted(deps)).to.equal(false);
    expect(before.provision.created.length).to.equal(1);
    expect(before.invitations).to.equal(undefined);
    expect(await outbox.list()).to.deep.equal([]);

    t.clock.set('2026-12-08T02:30:00+01:00');
    expect(invitationsHaveStarted(deps)).to.equal(true);
    const g1 = (await store.accounts.findByGuardianId('G1'))!;
    expect((await nightly.runOnce()).invitations?.invited).to.deep.equal([g1.id]);

    t.clock.set('2026-12-09T02:30:00+01:00');
    sis.guardians = [...sis.guardians, guardian('G2', 'L2')];
    const late = await nightly.runOnce();
    const g2 = (await store.accounts.findByGuardianId('G2'))!;
    expect(late.invitations?.invited).to.deep.equal([g2.id]);
    expect((await outbox.list()).map((i) => i.id).sort()).to.deep.equal([`invite:${g1.id}:1`, `invite:${g2.id}:1`].sort());
    expect((await nightly.runOnce()).invitations?.invited).to.deep.equal([]);
  });
});
