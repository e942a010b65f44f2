import { expect } from 'chai';
import { isSisError, type SisAdapter } from '../../../adapters/contract/index.ts';
import { createMockAdapter } from '../../../adapters/mock/index.ts';
import { manualClock } from '../../support/clock.ts';
import { expectSisError, rejectionOf } from './support.ts';

const RANGE = { from: '2026-08-01', to: '2027-07-31' };

/** One call of every data method the adapter has. */
function everyCall(adapter: SisAdapter): Array<[string, () => Promise<unknown>]> {
  const change = { studentId: 'L1001', guardianId: 'V2001', fields: [{ field: 'email', new: 'a@example.org' }], submittedAt: '2026-11-28T10:00:00Z' };
  return [
    ['listStudents', () => adapter.listStudents!()],
    ['getStudent', () => adapter.getStudent!('L1001')],
    ['listGuardians', () => adapter.listGuardians!()],
    ['getGuardian', () => adapter.getGuardian!('V2001')],
    ['listGuardiansOfStudent', () => adapter.listGuardiansOfStudent!('L1001')],
    ['listAbsences', () => adapter.listAbsences!('L1001', RANGE)],
    ['listResults', () => adapter.listResults!('L1002')],
    ['submitChange', () => adapter.submitChange!(change, { idempotencyKey: 'k1' })],
  ];
}

describe('mock SIS: injected failures and latency', () => {
  it('errorRate 1: every call fails with SIS_UNAVAILABLE, and healthCheck reports ok: false without throwing', async () => {
    const adapter = createMockAdapter({ errorRate: 1 });
    for (const [name, call] of everyCall(adapter)) {
      const err = await rejectionOf(call());
      expect(isSisError(err, 'SIS_UNAVAILABLE'), name).to.equal(true);
      expect((err as { transient: boolean }).transient).to.equal(true);
    }
    const health = await adapter.healthCheck();
    expect(health.ok).to.equal(false);
    expect(health.detail).to.be.a('string').and.not.equal('');
  });

  it('errorRate 0.5: some calls fail, some succeed, in the same pattern for the same seed', async () => {
    const pattern = async (seed: number) => {
      const adapter = createMockAdapter({ errorRate: 0.5, seed });
      const outcomes: boolean[] = [];
      for (let i = 0; i < 40; i++) outcomes.push(await adapter.getStudent!('L1001').then(() => true, () => false));
      return outcomes.map((ok) => (ok ? '.' : 'x')).join('');
    };
    const first = await pattern(11);
    expect(first).to.match(/\./).and.to.match(/x/);
    expect(await pattern(11)).to.equal(first);
  });

  it('outage: calls fail while from <= clock.now() < to, judged by the injected clock', async () => {
    const clock = manualClock('2026-11-28T09:59:59Z');
    const adapter = createMockAdapter({ outage: { from: '2026-11-28T10:00:00Z', to: '2026-11-28T11:00:00Z' } }, { clock });
    expect((await adapter.getStudent!('L1001')).id).to.equal('L1001');
    expect((await adapter.healthCheck()).ok).to.equal(true);
    clock.set('2026-11-28T10:00:00Z');
    const err = await rejectionOf(adapter.getStudent!('L1001'));
    expect(isSisError(err, 'SIS_UNAVAILABLE')).to.equal(true);
    expect((err as { retryAfter?: number }).retryAfter).to.equal(3600);
    expect((await adapter.healthCheck()).ok).to.equal(false);
    for (const [name, call] of everyCall(adapter)) expect(isSisError(await rejectionOf(call()), 'SIS_UNAVAILABLE'), name).to.equal(true);
    clock.set('2026-11-28T11:00:00Z');
    expect((await adapter.getStudent!('L1001')).id).to.equal('L1001');
  });

  it('failWith: every call fails with the configured code', async () => {
    const adapter = createMockAdapter({ failWith: 'SIS_AUTH_FAILED' });
    for (const [name, call] of everyCall(adapter)) expect(isSisError(await rejectionOf(call()), 'SIS_AUTH_FAILED'), name).to.equal(true);
    expect(await adapter.healthCheck()).to.include({ ok: false });
  });

  it('latency: a fixed delay is measurable on data calls and the health check', async () => {
    const adapter = createMockAdapter({ latency: { fixedMs: 30 } });
    await adapter.getStudent!('L1001');
    const started = performance.now();
    await adapter.getStudent!('L1002');
    expect(performance.now() - started).to.be.at.least(25);
    expect((await adapter.healthCheck()).latencyMs).to.be.at.least(25);
  });

  it('latency: a random delay stays within minMs … maxMs', async () => {
    const adapter = createMockAdapter({ latency: { minMs: 20, maxMs: 40 } });
    await adapter.getStudent!('L1001');
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await adapter.getStudent!('L1001');
      expect(performance.now() - started).to.be.at.least(15);
    }
  });

  it('close(): a call still waiting out its delay rejects, and later calls fail', async () => {
    const adapter = createMockAdapter({ latency: { fixedMs: 5000 } });
    const waiting = adapter.getStudent!('L1001');
    await adapter.close!();
    await expectSisError(waiting, 'SIS_UNAVAILABLE');
    await expectSisError(adapter.getStudent!('L1001'), 'SIS_UNAVAILABLE');
    expect((await adapter.healthCheck()).ok).to.equal(false);
  });

  it('a bad config is CONFIG_INVALID, naming the key', () => {
    const bad = [
      [{ errorRate: 2 }, 'errorRate'],
      [{ latency: { fixedMs: 10, minMs: 5 } }, 'latency'],
      [{ outage: { from: '2026-11-28T11:00:00Z', to: '2026-11-28T10:00:00Z' } }, 'outage'],
      [{ schoolYear: '2026-2028' }, 'schoolYear'],
      [{ capabilities: ['students', 'grades'] }, 'capabilities'],
      [{ failWith: 'SIS_BROKEN' }, 'failWith'],
      [{ sede: 1 }, 'sede'],
    ] as const;
    for (const [config, key] of bad) {
      let err: unknown;
      try {
        createMockAdapter(config as never);
      } catch (e) {
        err = e;
      }
      expect(isSisError(err, 'CONFIG_INVALID'), JSON.stringify(config)).to.equal(true);
      expect((err as Error).message).to.contain(key);
    }
  });
});
