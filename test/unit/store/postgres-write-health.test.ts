/** What the PostgreSQL store's health() counts as a failed write, and how a run of failures is dated. */
import { expect } from 'chai';
import { WriteHealth, reasonOf } from '../../../gateway/store/postgres/write-health.ts';
import { StoreError } from '../../../gateway/store/types.ts';
import { manualClock } from '../../support/clock.ts';

const pgError = (code: string) => Object.assign(new Error('refused'), { code });

describe('PostgreSQL write health', () => {
  it('dates a run of failures from its first, and a good write ends it', async () => {
    const clock = manualClock('2026-12-06T09:00:00.000Z');
    const health = new WriteHealth(clock);
    await health.record('outbox', Promise.reject(pgError('53100'))).catch(() => {});
    clock.advance(60_000);
    await health.record('outbox', Promise.reject(pgError('23514'))).catch(() => {});
    expect(health.report()).to.deep.equal({
      ok: true,
      kinds: [{ kind: 'outbox', failing: true, lastError: { reason: '23514', since: '2026-12-06T09:00:00.000Z', at: '2026-12-06T09:01:00.000Z' } }],
    });
    clock.advance(60_000);
    expect(await health.record('outbox', Promise.resolve(7))).to.equal(7);
    expect(health.report().kinds[0]).to.deep.include({ failing: false, lastWriteAt: '2026-12-06T09:02:00.000Z' });
  });

  it("does not count the store's own answers (DUPLICATE, NOT_FOUND) as failed writes", async () => {
    const health = new WriteHealth(manualClock('2026-12-06T09:00:00.000Z'));
    await health.record('accounts', Promise.reject(new StoreError('DUPLICATE', 'taken'))).catch(() => {});
    await health.record('accounts', Promise.reject(new StoreError('NOT_FOUND', 'gone'))).catch(() => {});
    expect(health.report().kinds).to.deep.equal([]);
  });

  it('shows a short code, never the message', () => {
    expect(reasonOf(pgError('42501'))).to.equal('EACCES');
    expect(reasonOf(pgError('53100'))).to.equal('ENOSPC');
    expect(reasonOf(pgError('25006'))).to.equal('EROFS');
    expect(reasonOf(pgError('ECONNREFUSED'))).to.equal('ECONNREFUSED');
    expect(reasonOf(new Error('Query read timeout'))).to.equal('EIO');
    expect(reasonOf(pgError('not a code; name=Jan'))).to.equal('EIO');
  });
});
