import { TEST_DATA_KEY } from '../../support/app.ts';
import { expect } from 'chai';
import pino from 'pino';
import {
  CHANGE_REQUESTS_COLLECTION, createChangeDeliveryHandler, createChangeRequests, createChangeSeal, type ChangeRequest, type ChangeRequests,
} from '../../../gateway/changes/index.ts';
import { decidedAt, purgeDecidedChanges } from '../../../gateway/changes/retention.ts';
import { SisError } from '../../../adapters/contract/index.ts';
import { createDeliveryWorker, createOutbox, type DeliveryWorker, type Outbox } from '../../../gateway/outbox/index.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import type { Store } from '../../../gateway/store/types.ts';
import { manualClock, type ManualClock } from '../../support/clock.ts';

const silent = pino({ level: 'silent' });
const DAY = 86_400_000;
const YEAR = 365 * DAY;

describe('changes: retention of decided corrections', () => {
  let store: Store;
  let clock: ManualClock;
  let outbox: Outbox;
  let changes: ChangeRequests;
  let worker: DeliveryWorker;
  let sisUp: boolean;

  beforeEach(async () => {
    store = createMemoryStore();
    await store.open();
    clock = manualClock('2027-03-01T10:00:00Z');
    outbox = createOutbox(store, clock);
    const seal = createChangeSeal('a-test-secret-of-enough-length-0123456789');
    changes = createChangeRequests({ store, outbox, clock, logger: silent, dataKey: TEST_DATA_KEY, seal, maxPendingAgeMs: 7 * 86_400_000 });
    sisUp = true;
    let n = 0;
    const sis = {
      async submitChange() {
        if (!sisUp) throw new SisError('SIS_AUTH_FAILED');
        n += 1;
        return { reference: `SIS-${n}` };
      },
    };
    const handler = createChangeDeliveryHandler({ sis, requests: changes, seal });
    worker = createDeliveryWorker({ outbox, clock, logger: silent, handlers: { change: handler }, random: () => 0 });
  });
  afterEach(() => store.close());

  async function submit(key: string): Promise<ChangeRequest> {
    const { request } = await changes.submit({
      accountId: 'acc-1', guardianId: 'V1', studentId: 'L1', formKey: `form-key-${key.padEnd(16, 'x')}`,
      fields: [{ field: 'child.address.street', old: 'Kwarteldreef', new: 'Lindelaan' }],
      studentName: 'Sanne Berg', guardianName: 'Anna Berg', groupName: 'Groep 5',
    });
    return request;
  }

  const stored = () => store.collection<ChangeRequest>(CHANGE_REQUESTS_COLLECTION).list();

  it('deletes a delivered correction decided longer ago than the retention, with its outbox item, and audits its reference', async () => {
    const processed = await submit('processed');
    const rejected = await submit('rejected');
    const open = await submit('open');
    await worker.runOnce();
    await changes.decide(processed.id, { status: 'processed', actor: 'beheerder' });
    clock.advance(DAY);
    await changes.decide(rejected.id, { status: 'rejected', actor: 'beheerder', note: 'Het adres bestaat niet.' });
    const decided = (await changes.get(rejected.id))!;
    expect(decidedAt(decided)).to.equal('2027-03-02T10:00:00.000Z');

    clock.set('2028-02-29T10:00:00Z'); // 365 days after the first decision, 364 after the second
    const first = await purgeDecidedChanges({ store, outbox, clock, logger: silent }, YEAR);
    expect(first).to.deep.equal({ purged: [processed.reference], keptUndelivered: 0 });
    clock.advance(DAY);
    const second = await purgeDecidedChanges({ store, outbox, clock, logger: silent }, YEAR);
    expect(second.purged).to.deep.equal([rejected.reference]);

    expect((await stored()).map((r) => r.id)).to.deep.equal([open.id]);
    expect((await outbox.list()).map((i) => i.id)).to.deep.equal([open.deliveryKey]);
    const audit = await store.audit.query({ action: 'change.purge' });
    expect(audit.map((a) => a.detail)).to.have.deep.members([
      { reference: processed.reference, status: 'processed' },
      { reference: rejected.reference, status: 'rejected' },
    ]);
    expect(JSON.stringify(audit)).not.to.include('Lindelaan');
  });

  it('never touches a correction that was not delivered, decided or not, nor one not yet decided', async () => {
    const undecided = await submit('undecided');
    await worker.runOnce();
    expect((await outbox.get(undecided.deliveryKey))!.status).to.equal('delivered');
    sisUp = false;
    const parked = await submit('parked');
    await worker.runOnce();
    expect((await outbox.get(parked.deliveryKey))!.status).to.equal('attention');
    await changes.decide(parked.id, { status: 'processed', actor: 'beheerder' });
    // Decided before its delivery had its turn.
    const waiting = await submit('waiting');
    await changes.decide(waiting.id, { status: 'rejected', actor: 'beheerder', note: 'Dubbel.' });
    expect((await outbox.get(waiting.deliveryKey))!.status).to.equal('pending');

    clock.advance(3 * YEAR);
    const report = await purgeDecidedChanges({ store, outbox, clock, logger: silent }, YEAR);
    expect(report).to.deep.equal({ purged: [], keptUndelivered: 2 });
    expect((await stored()).map((r) => r.reference).sort()).to.deep.equal([parked.reference, waiting.reference, undecided.reference].sort());
    expect(await outbox.list()).to.have.length(3);
  });

  it('keeps a decided correction until the retention has passed', async () => {
    const request = await submit('recent');
    await worker.runOnce();
    await changes.decide(request.id, { status: 'processed', actor: 'beheerder' });
    clock.advance(YEAR - 1);
    expect((await purgeDecidedChanges({ store, outbox, clock, logger: silent }, YEAR)).purged).to.deep.equal([]);
    clock.advance(1);
    expect((await purgeDecidedChanges({ store, outbox, clock, logger: silent }, YEAR)).purged).to.deep.equal([request.reference]);
  });
});
