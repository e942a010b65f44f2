import { expect } from 'chai';
import pino from 'pino';
import { loadConfig } from '../../../gateway/config/index.ts';
import { createChangeRequests, createChangeSeal, type ChangeRequests } from '../../../gateway/changes/index.ts';
import { delayOf } from '../../../gateway/changes/delays.ts';
import { noticeDelayedCorrections } from '../../../gateway/notifications/delay-notices.ts';
import { notifications } from '../../../gateway/notifications/notify.ts';
import { setTopics } from '../../../gateway/notifications/prefs.ts';
import { createOutbox, type Outbox } from '../../../gateway/outbox/index.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import type { Store } from '../../../gateway/store/types.ts';
import { TEST_DATA_KEY } from '../../support/app.ts';
import { configErrorOf } from '../../support/config-errors.ts';
import { manualClock, type ManualClock } from '../../support/clock.ts';

const DAY = 86_400_000;
const submitted = { status: 'submitted' as const, submittedAt: '2027-03-01T10:00:00.000Z' };
const at = (iso: string) => new Date(iso);

describe('changes: delays (stuck corrections)', () => {
  it('a parked delivery is delayed at once, with its last error for staff', () => {
    expect(delayOf(submitted, { status: 'attention', lastError: 'SIS_AUTH_FAILED' }, at('2027-03-01T10:01:00Z'), 7 * DAY))
      .to.deep.equal({ reason: 'parked', error: 'SIS_AUTH_FAILED' });
  });

  it('an undelivered one is delayed only after maxPendingAge, by the clock given', () => {
    const pending = { status: 'pending' as const };
    expect(delayOf(submitted, pending, at('2027-03-08T10:00:00Z'), 7 * DAY)).to.equal(undefined);
    expect(delayOf(submitted, pending, at('2027-03-08T10:00:01Z'), 7 * DAY)).to.deep.equal({ reason: 'overdue', days: 7 });
    expect(delayOf(submitted, undefined, at('2027-03-03T10:00:01Z'), 2 * DAY)).to.deep.equal({ reason: 'overdue', days: 2 });
  });

  it('a delivered or decided one is never delayed', () => {
    const late = at('2027-06-01T10:00:00Z');
    expect(delayOf(submitted, { status: 'delivered' }, late, 7 * DAY)).to.equal(undefined);
    for (const status of ['in_progress', 'processed', 'rejected'] as const) {
      expect(delayOf({ ...submitted, status }, { status: 'attention', lastError: 'X' }, late, 7 * DAY)).to.equal(undefined);
    }
  });

  describe('listDelayed and the notices', () => {
    let store: Store;
    let clock: ManualClock;
    let outbox: Outbox;
    let changes: ChangeRequests;
    const config = loadConfig({ file: 'config/demo.yaml', env: {} });

    beforeEach(async () => {
      store = createMemoryStore();
      await store.open();
      clock = manualClock('2027-03-01T10:00:00Z');
      outbox = createOutbox(store, clock);
      changes = createChangeRequests({
        store, outbox, clock, logger: pino({ level: 'silent' }), dataKey: TEST_DATA_KEY, seal: createChangeSeal('a-test-secret-of-enough-length-0123456789'), maxPendingAgeMs: 7 * DAY,
      });
    });
    afterEach(() => store.close());

    const submit = (accountId: string, formKey: string) => changes.submit({
      accountId, guardianId: 'V1', studentId: 'L1', formKey, fields: [{ field: 'guardian.phone', new: '06 22222222' }],
      studentName: 'Sanne Berg', guardianName: 'Anna Berg', groupName: 'Groep 5',
    });

    it('lists what is stuck by the clock, and notifies an opted-in parent once per correction', async () => {
      await setTopics(store, 'acc-in', ['corrections'], clock.now());
      const mine = await submit('acc-in', 'form-key-aaaaaaaaaaaaaaaa');
      await submit('acc-out', 'form-key-bbbbbbbbbbbbbbbb');
      const deps = { store, clock, config, logger: pino({ level: 'silent' }), changes };
      expect(await changes.listDelayed()).to.have.length(0);
      expect(await noticeDelayedCorrections(deps)).to.equal(0);

      clock.advance(7 * DAY + 1000);
      expect((await changes.listDelayed()).map((d) => d.delay.reason)).to.deep.equal(['overdue', 'overdue']);
      expect(await noticeDelayedCorrections(deps), 'only the parent who opted in').to.equal(1);
      expect(await noticeDelayedCorrections(deps), 'once').to.equal(0);
      const [notice] = await notifications(store).list();
      expect(notice).to.include({ accountId: 'acc-in', kind: 'correction-delayed', topic: 'corrections', studentId: 'L1' });
      expect(notice!.id).to.include(mine.request.id);
    });
  });

  it('changes.maxPendingAge: 7 days by default, a duration, at least an hour, named when wrong', () => {
    expect(loadConfig({ file: 'config/demo.yaml', env: {} }).changes.maxPendingAge).to.equal(7 * DAY);
    expect(loadConfig({ file: 'config/demo.yaml', env: {}, values: { changes: { maxPendingAge: '36h' } } }).changes.maxPendingAge).to.equal(36 * 3_600_000);
    expect(configErrorOf(() => loadConfig({ file: 'config/demo.yaml', env: {}, values: { changes: { maxPendingAge: 'soon' } } })).problems)
      .to.deep.equal(['changes.maxPendingAge: expected a duration like "30s", "15m", "1h", "7d" or a number of seconds']);
    expect(configErrorOf(() => loadConfig({ file: 'config/demo.yaml', env: {}, values: { changes: { maxPendingAge: '10m' } } })).problems)
      .to.deep.equal(['changes.maxPendingAge: must be at least 1h']);
  });
});
