/**
 * The circuit breaker around the stack: repeated failures open it (calls fail at once without
 * reaching the SIS), the cache serves meanwhile with the notice, after the cool-down one probe
 * goes through and its success closes it. A not-found is an answer, not a failure.
 */
import { expect } from 'chai';
import { SisError, type AdapterDeps, type SisAdapter } from '../../../adapters/contract/index.ts';
import { createStack, type LoadedAdapter } from '../../../gateway/adapters/index.ts';
import { withCircuit } from '../../../gateway/adapters/circuit.ts';
import { createSisService } from '../../../gateway/sis/index.ts';
import { createMemoryStore } from '../../../gateway/store/memory-store.ts';
import { manualClock } from '../../support/clock.ts';
import { fakeAdapter, fakeModule } from './fakes.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

function sickSis() {
  const state = { down: false, calls: 0, notFound: false };
  const adapter: SisAdapter = fakeAdapter('sick', ['students'], {
    getStudent: async (id) => {
      state.calls += 1;
      if (state.notFound) throw new SisError('SIS_NOT_FOUND');
      if (state.down) throw new SisError('SIS_UNAVAILABLE');
      return fakeAdapter('sick', ['students']).getStudent!(id);
    },
  });
  const module = fakeModule({ name: 'sick', capabilities: ['students'], create: () => adapter });
  const entry: LoadedAdapter = { index: 0, spec: 'sick', source: 'builtin', specifier: 'builtin:sick', module, config: {} };
  const clock = manualClock('2027-03-01T10:00:00+01:00');
  const deps = (): AdapterDeps => ({ http: undefined as never, logger: silent, clock });
  const stack = withCircuit(createStack([entry], deps), { errorThreshold: 50, volumeThreshold: 4, windowMs: 10_000, coolDownMs: 150 }, { clock, logger: silent });
  return { state, stack, clock };
}

/** The breaker's cool-down runs on its own timer; this waits for its state to change. */
async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('SIS circuit breaker (opossum, around the stack)', () => {
  it('opens after repeated failures, refuses calls without reaching the SIS, probes once and closes on success', async () => {
    const { state, stack } = sickSis();
    expect(stack.circuit().state).to.equal('closed');
    state.down = true;
    for (let i = 0; i < 4; i += 1) await stack.getStudent!('s1').catch(() => {});
    expect(stack.circuit().state).to.equal('open');
    expect(stack.circuit().openedAt).to.be.a('string');
    const before = state.calls;
    let refused: unknown;
    await stack.getStudent!('s1').catch((err: unknown) => (refused = err));
    expect(refused).to.have.property('code', 'SIS_UNAVAILABLE');
    expect(state.calls, 'an open circuit calls nothing').to.equal(before);
    expect(stack.circuit().rejected).to.equal(1);

    await until(() => stack.circuit().state === 'halfOpen');
    state.down = false;
    expect((await stack.getStudent!('s1')).id).to.equal('s1');
    expect(stack.circuit().state).to.equal('closed');
    await stack.close?.();
  });

  it('a failed probe opens it again; not-found answers never open it', async () => {
    const { state, stack } = sickSis();
    state.notFound = true;
    for (let i = 0; i < 8; i += 1) await stack.getStudent!('s1').catch(() => {});
    expect(stack.circuit().state).to.equal('closed');
    state.notFound = false;
    state.down = true;
    for (let i = 0; i < 12; i += 1) await stack.getStudent!('s1').catch(() => {});
    expect(stack.circuit().state).to.equal('open');
    await until(() => stack.circuit().state === 'halfOpen');
    await stack.getStudent!('s1').catch(() => {});
    expect(stack.circuit().state).to.equal('open');
    await stack.close?.();
  });

  it('while open, the SisService serves the cached record as stale with the SIS marked down', async () => {
    const { state, stack, clock } = sickSis();
    const sis = createSisService({
      adapter: stack, cache: createMemoryStore().cache, clock, logger: silent,
      ttl: { student: 60_000, guardian: 60_000, guardiansOfStudent: 60_000, absences: 60_000, results: 60_000, reports: 60_000, medical: 60_000 }, staleMaxAgeMs: 86_400_000,
      refreshRetryMs: 0,
    });
    await sis.getStudent('s1');
    clock.advance(120_000);
    state.down = true;
    for (let i = 0; i < 4; i += 1) await stack.getStudent!('x').catch(() => {});
    expect(stack.circuit().state).to.equal('open');
    const calls = state.calls;
    const first = await sis.getStudent('s1');
    expect(first.stale).to.equal(true);
    await new Promise((resolve) => setImmediate(resolve));
    const second = await sis.getStudent('s1');
    expect(second.sisDown).to.equal(true);
    expect(state.calls).to.equal(calls);
    await stack.close?.();
  });
});
