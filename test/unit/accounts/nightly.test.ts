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

  it('deletes the decided corrections past changes.retention, and keeps the rest', async () => {
    const t = await createTestApp({ now: '2027-03-01T10:00:00+01:00', values: { changes: { retention: '30d' } } });
    const submit = async (formKey: string) => (await t.services.changes.submit({
      accountId: 'acc-1', guardianId: 'V2001', studentId: 'L1001', formKey, fields: [{ field: 'guardian.phone', new: '06 12345678' }],
      studentName: 'Sanne', guardianName: 'Anna', groupName: 'Groep 5',
    })).request;
    const decided = await submit('form-key-decided-aaaaaaaaaa');
    const open = await submit('form-key-open-aaaaaaaaaaaaa');
    await t.services.delivery.runOnce();
    await t.services.delivery.runOnce();
    await t.services.changes.decide(decided.id, { status: 'processed', actor: 'beheerder' });
    const nightly = createNightlyAccounts(t.services);

    t.clock.set('2027-03-31T02:30:00+02:00');
    expect((await nightly.runOnce()).retention).to.deep.equal({ purged: [], keptUndelivered: 0 });
    t.clock.set('2027-04-01T02:30:00+02:00');
    expect((await nightly.runOnce()).retention).to.deep.equal({ purged: [decided.reference], keptUndelivered: 0 });
    expect(await t.services.changes.get(decided.id)).to.equal(undefined);
    expect(await t.services.outbox.get(decided.deliveryKey)).to.equal(undefined);
    expect((await t.services.changes.get(open.id))!.status).to.equal('in_progress');
  });
});
