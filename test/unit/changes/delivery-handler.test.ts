import { TEST_DATA_KEY } from '../../support/app.ts';
import { expect } from 'chai';
import pino from 'pino';
import { createMockAdapter, type MockConfigInput } from '../../../adapters/mock/index.ts';
import type { MockSisAdapter } from '../../../adapters/mock/adapter.ts';
import { createChangeDeliveryHandler, createChangeRequests, createChangeSeal, type ChangeSeal } from '../../../gateway/changes/index.ts';
import { createDeliveryWorker, createOutbox } from '../../../gateway/outbox/index.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import type { Store } from '../../../gateway/store/types.ts';
import { manualClock } from '../../support/clock.ts';

const silent = pino({ level: 'silent' });
const SECRET = 'a-test-secret-of-enough-length-0123456789';

describe('changes: the delivery handler', () => {
  let store: Store;
  const clock = manualClock('2027-03-01T10:00:00Z');

  beforeEach(async () => {
    clock.set('2027-03-01T10:00:00Z');
    store = createMemoryStore();
    await store.open();
  });
  afterEach(() => store.close());

  /** `deliverWith` is the seal of the gateway that delivers (another session secret after a restart). */
  async function setUp(mock: MockConfigInput | undefined, deliverWith: ChangeSeal = createChangeSeal(SECRET)) {
    const sis = mock ? createMockAdapter({ pupils: 40, ...mock }, { clock }) as MockSisAdapter : undefined;
    const outbox = createOutbox(store, clock);
    const requests = createChangeRequests({ store, outbox, clock, logger: silent, dataKey: TEST_DATA_KEY, seal: createChangeSeal(SECRET), maxPendingAgeMs: 7 * 86_400_000 });
    const handler = createChangeDeliveryHandler({ sis: sis ?? {}, requests, seal: deliverWith });
    const worker = createDeliveryWorker({
      outbox, clock, logger: silent, handlers: { change: handler }, random: () => 0, backoff: { baseMs: 1000, maxMs: 60_000, maxAttempts: 5 },
    });
    const guardian = 'V2001';
    const { request } = await requests.submit({
      accountId: 'acc', guardianId: guardian, studentId: 'L1001', formKey: 'form-key-aaaaaaaaaaaaaaaa',
      fields: [{ field: 'guardian.phone', new: '06 12345678' }], studentName: 'J', guardianName: 'A', groupName: 'Groep 4',
    });
    return { sis, outbox, requests, worker, request };
  }

  it('hands the proposal to submitChange with the delivery key as idempotency key, and records the SIS reference', async () => {
    const { sis, worker, request, requests, outbox } = await setUp({});
    expect((await worker.runOnce()).delivered).to.deep.equal([request.deliveryKey]);
    expect(sis!.submitted.map((s) => [s.idempotencyKey, s.change.studentId])).to.deep.equal([[request.deliveryKey, 'L1001']]);
    expect((await outbox.get(request.deliveryKey))!.receipt).to.deep.equal({ via: 'sis', reference: 'MOCK-000001' });
    expect((await requests.get(request.id))!.delivery).to.deep.include({ via: 'sis', reference: 'MOCK-000001' });
  });

  it('delivers a correction sealed under an earlier session secret from its request record', async () => {
    const { sis, worker, request } = await setUp({}, createChangeSeal('a-rotated-secret-of-enough-length-987654321'));
    expect((await worker.runOnce()).delivered).to.deep.equal([request.deliveryKey]);
    expect(sis!.submitted.map((s) => s.change)).to.deep.equal([{
      studentId: 'L1001', guardianId: 'V2001', fields: [{ field: 'guardian.phone', new: '06 12345678' }], submittedAt: request.submittedAt,
    }]);
  });

  it('parks a sealed correction it can neither open nor rebuild (request record gone)', async () => {
    const { sis, worker, request, outbox } = await setUp({}, createChangeSeal('a-rotated-secret-of-enough-length-987654321'));
    await store.collection('changeRequests').delete(request.id);
    expect((await worker.runOnce()).parked).to.deep.equal([request.deliveryKey]);
    expect((await outbox.get(request.deliveryKey))!.lastError).to.equal('CHANGE_SEAL_UNREADABLE');
    expect(sis!.submitted).to.deep.equal([]);
  });

  it('does not open a sealed payload copied onto another item', async () => {
    const { sis, worker, request, outbox } = await setUp({});
    const original = (await outbox.get(request.deliveryKey))!;
    await outbox.enqueue({ id: 'change-forged', kind: 'change', payload: original.payload });
    await outbox.save({ ...original, status: 'delivered' });
    expect((await worker.runOnce()).parked).to.deep.equal(['change-forged']);
    expect(sis!.submitted).to.deep.equal([]);
  });

  it('retries an SIS outage no sooner than its Retry-After', async () => {
    const { worker, request, outbox } = await setUp({ outage: { from: '2027-03-01T09:00:00Z', to: '2027-03-01T10:30:00Z' } });
    expect((await worker.runOnce()).retried).to.deep.equal([request.deliveryKey]);
    const item = (await outbox.get(request.deliveryKey))!;
    expect(item.nextAttemptAt).to.equal('2027-03-01T10:30:00.000Z');
    expect(item.lastError).to.equal('SIS_UNAVAILABLE');
  });

  it('parks what the SIS refuses for good (credentials, unknown pupil), keeping the item', async () => {
    const { worker, request, outbox, requests } = await setUp({ failWith: 'SIS_AUTH_FAILED' });
    expect((await worker.runOnce()).parked).to.deep.equal([request.deliveryKey]);
    expect(await outbox.get(request.deliveryKey)).to.include({ status: 'attention', lastError: 'SIS_AUTH_FAILED' });
    expect((await requests.get(request.id))!.status).to.equal('submitted');
  });

  it('parks a correction that has nowhere to go: no submitChange and no mail route', async () => {
    const { worker, request, outbox } = await setUp(undefined);
    expect((await worker.runOnce()).parked).to.deep.equal([request.deliveryKey]);
    expect((await outbox.get(request.deliveryKey))!.lastError).to.match(/^NO_DELIVERY_ROUTE/);
  });
});
