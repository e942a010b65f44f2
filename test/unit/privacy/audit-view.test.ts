import { expect } from 'chai';
import { auditView } from '../../../gateway/privacy/audit-view.ts';
import { createMemoryStore } from '../../../gateway/store/index.ts';
import { fixedClock } from '../../support/clock.ts';

describe('privacy: auditView', () => {
  it('appends one parent view record with who, which child, which section, when and the request', async () => {
    const store = createMemoryStore();
    await auditView(store, fixedClock('2026-11-28T10:00:00Z'), {
      accountId: 'acc-1', studentId: 'L1001', section: 'absences', requestId: 'req-7',
    });
    const records = await store.audit.query({ actor: 'acc-1' });
    expect(records).to.have.length(1);
    expect(records[0]).to.include({
      at: '2026-11-28T10:00:00.000Z', actor: 'acc-1', actorKind: 'parent', action: 'view',
      studentId: 'L1001', section: 'absences', requestId: 'req-7',
    });
    expect(records[0]!.id).to.match(/^[0-9a-f-]{36}$/);
  });
});
