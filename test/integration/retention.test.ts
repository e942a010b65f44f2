/**
 * The nightly purge through the real app (issue #15, item 2): the cached records of a guardian and
 * a child no active account lists go (the guardian's own record too, which carried no pupil
 * link before), and /beheer/status shows the last run with its counts.
 */
import { expect } from 'chai';
import { createNightlyPurge } from '../../gateway/retention/nightly-purge.ts';
import { createTestApp, DEMO } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';
import { operatorLogin } from '../support/operator.ts';

describe('retention: the nightly purge in the app', function () {
  this.timeout(20_000);

  it('deletes the cached records of a parent whose account was disabled, and shows its run on /beheer/status', async () => {
    const t = await createTestApp({ now: '2027-03-01T10:00:00+01:00' });
    const { agent } = await operatorLogin(t);
    expect((await agent.get('/beheer/status')).text).to.include('De opschoning heeft nog niet gedraaid.');

    const parent = await loginAs(t, DEMO.father.username, DEMO.father.password);
    expect((await parent.agent.get('/')).status).to.equal(200);
    const account = (await t.services.store.accounts.findByUsername(DEMO.father.username))!;
    expect((await t.services.store.cache.owners()).guardianIds).to.include(DEMO.father.guardianId);
    await t.services.store.accounts.update(account.id, { status: 'disabled', disabledReason: 'operator', updatedAt: '2027-03-01T10:00:00+01:00' });

    t.clock.set('2027-03-02T03:30:00+01:00');
    const run = await createNightlyPurge(t.services).runOnce();
    expect(run.outcome).to.equal('succeeded');
    expect(run.counts!.cacheUnlisted).to.be.greaterThan(0);
    const owners = await t.services.store.cache.owners();
    expect(owners.guardianIds).not.to.include(DEMO.father.guardianId);
    // His child is the mother's child too: her active account keeps the child's records.
    expect(owners.studentIds).to.include.members(account.studentIds ?? []);
    for (const studentId of owners.studentIds) {
      const listed = (await t.services.store.accounts.list()).some((a) => a.status === 'active' && a.studentIds?.includes(studentId));
      expect(listed, studentId).to.equal(true);
    }

    const status = await (await operatorLogin(t)).agent.get('/beheer/status');
    expect(status.text).to.include('geslaagd. Verwijderd:');
    expect(status.text).to.match(new RegExp(`SIS-kopieën zonder account ${run.counts!.cacheUnlisted}`));
  });
});
