import { TEST_DATA_KEY } from '../../support/app.ts';
import { expect } from 'chai';
import pino from 'pino';
import {
  createChangeRequests, createChangeSeal, type ChangeRequests, type SealedChangePayload, type StatusChange, type SubmitInput,
} from '../../../gateway/changes/index.ts';
import { createOutbox, type Outbox } from '../../../gateway/outbox/index.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import type { Store } from '../../../gateway/store/types.ts';
import { manualClock, type ManualClock } from '../../support/clock.ts';

const silent = pino({ level: 'silent' });
const seal = createChangeSeal('a-test-secret-of-enough-length-0123456789');

function input(formKey: string, overrides: Partial<SubmitInput> = {}): SubmitInput {
  return {
    accountId: 'acc-1', guardianId: 'V1', studentId: 'L1', formKey,
    fields: [{ field: 'guardian.phone', old: '06 11111111', new: '06 22222222' }],
    studentName: 'Sanne Berg', guardianName: 'Anna Berg', groupName: 'Groep 5', ...overrides,
  };
}

describe('changes: requests', () => {
  let store: Store;
  let clock: ManualClock;
  let outbox: Outbox;
  let changes: ChangeRequests;
  let kicks: number;

  beforeEach(async () => {
    store = createMemoryStore();
    await store.open();
    clock = manualClock('2027-03-01T10:00:00Z');
    outbox = createOutbox(store, clock);
    kicks = 0;
    changes = createChangeRequests({ store, outbox, clock, logger: silent, dataKey: TEST_DATA_KEY, seal, kick: () => (kicks += 1), maxPendingAgeMs: 7 * 86_400_000 });
  });
  afterEach(() => store.close());

  it('stores a request and its delivery together, audits it, and kicks the worker', async () => {
    const { request, created } = await changes.submit(input('form-key-aaaaaaaaaaaaaaaa'));
    expect(created).to.equal(true);
    expect(request).to.include({ status: 'submitted', studentId: 'L1', submittedAt: '2027-03-01T10:00:00.000Z' });
    expect(request.reference).to.match(/^WZ-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const item = await outbox.get(request.deliveryKey);
    expect(item).to.include({ kind: 'change', status: 'pending' });
    // Sealed in the store: only the request id and the reference are readable there.
    const payload = item!.payload as SealedChangePayload;
    expect(Object.keys(payload).sort()).to.deep.equal(['reference', 'requestId', 'sealed']);
    expect(payload).to.include({ requestId: request.id, reference: request.reference });
    expect(JSON.stringify(item)).not.to.include('06 22222222');
    expect(seal.open(payload.sealed, request.deliveryKey).proposal).to.deep.equal({
      studentId: 'L1', guardianId: 'V1', fields: request.fields, submittedAt: request.submittedAt,
    });
    expect((await store.audit.query({ action: 'change.submit' }))[0]!.detail).to.deep.equal({ reference: request.reference, fields: 1 });
    expect(kicks).to.equal(1);
  });

  it('makes one request of one form key, also when the posts arrive at the same moment', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => changes.submit(input('form-key-bbbbbbbbbbbbbbbb'))));
    expect(results.filter((r) => r.created)).to.have.length(1);
    expect(new Set(results.map((r) => r.request.id)).size).to.equal(1);
    expect(await changes.list()).to.have.length(1);
    expect(await outbox.list()).to.have.length(1);
    expect(await store.audit.query({ action: 'change.submit' })).to.have.length(1);
    const other = await changes.submit(input('form-key-bbbbbbbbbbbbbbbb', { accountId: 'acc-2' }));
    expect(other.created, 'the same key from another account is another form').to.equal(true);
  });

  it('moves to in_progress on delivery and to the operator\'s decision, telling listeners after each', async () => {
    const told: StatusChange[] = [];
    changes.onStatusChange((c) => void told.push(c));
    const { request } = await changes.submit(input('form-key-cccccccccccccccc'));
    await changes.markDelivered(request.id, { via: 'sis', reference: 'MOCK-1' });
    const decided = await changes.decide(request.id, { status: 'rejected', note: '  Klopt al.  ', actor: 'beheerder' });
    expect(decided!.decided).to.equal(true);
    expect(decided!.request).to.include({ status: 'rejected', schoolNote: 'Klopt al.' });
    expect(decided!.request.history.map((h) => `${h.status}/${h.by}`)).to.deep.equal(['submitted/parent', 'in_progress/system', 'rejected/operator']);
    expect(told.map((c) => `${c.from}→${c.to}`)).to.deep.equal(['submitted→in_progress', 'in_progress→rejected']);

    const again = await changes.decide(request.id, { status: 'processed', actor: 'beheerder' });
    expect(again!.decided).to.equal(false);
    expect((await changes.get(request.id))!.status).to.equal('rejected');
    await changes.markDelivered(request.id, { via: 'sis', reference: 'MOCK-1' });
    expect((await changes.get(request.id))!.status, 'a late delivery does not undo a decision').to.equal('rejected');
    expect(told).to.have.length(2);
    const [audit] = await store.audit.query({ action: 'change.rejected' });
    expect(audit).to.include({ actor: 'beheerder', actorKind: 'operator', studentId: 'L1' });
    expect(await changes.decide('no-such-id', { status: 'processed', actor: 'x' })).to.equal(undefined);
  });

  it('keeps going when a listener fails', async () => {
    changes.onStatusChange(() => {
      throw new Error('notifier down');
    });
    const { request } = await changes.submit(input('form-key-dddddddddddddddd'));
    expect((await changes.markDelivered(request.id, { via: 'mail' }))!.status).to.equal('in_progress');
  });

  it('lists a parent\'s requests for one child newest first, and only theirs', async () => {
    await changes.submit(input('form-key-eeeeeeeeeeeeeeee'));
    clock.advance(60_000);
    const newer = await changes.submit(input('form-key-ffffffffffffffff'));
    await changes.submit(input('form-key-gggggggggggggggg', { accountId: 'acc-other' }));
    await changes.submit(input('form-key-hhhhhhhhhhhhhhhh', { studentId: 'L2' }));
    const mine = await changes.listForChild('acc-1', 'L1');
    expect(mine).to.have.length(2);
    expect(mine[0]!.id).to.equal(newer.request.id);
  });

  it('queues the delivery again of a request whose outbox item went missing (a crash between the writes)', async () => {
    const { request } = await changes.submit(input('form-key-iiiiiiiiiiiiiiii'));
    await store.collection('outbox').delete(request.deliveryKey);
    expect(await changes.recover()).to.deep.equal([request.reference]);
    expect(await outbox.get(request.deliveryKey)).to.include({ kind: 'change', status: 'pending' });
    expect(await changes.recover()).to.deep.equal([]);
  });
});
