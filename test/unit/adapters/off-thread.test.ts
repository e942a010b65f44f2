/** A worker's result with a long list, through a real worker thread: the same value as in-thread. */
import { expect } from 'chai';
import { offThread } from '../../../adapters/shared/off-thread.ts';
import { school, type SchoolInput } from '../../fixtures/adapters/sliced-worker.ts';

describe('off-thread with sliced lists', () => {
  // The in-thread fallback throws, so a pass shows the worker answered.
  const worker = offThread<SchoolInput, ReturnType<typeof school>>(new URL('../../fixtures/adapters/sliced-worker.ts', import.meta.url), () => {
    throw new Error('ran in-thread, not in the worker');
  });

  it('returns what the function returns in-thread, the long list put together from its parts', async () => {
    const inThread = school({ pupils: 3000 });
    const got = await worker.run({ pupils: 3000 });
    expect(got.value.pupils).to.have.length(3000);
    expect(got).to.deep.equal(inThread);
  });

  it('answers calls in flight at once each with its own result', async () => {
    const [a, b] = await Promise.all([worker.run({ pupils: 2 }), worker.run({ pupils: 5 })]);
    expect(a.value.pupils.map((p) => p.id)).to.deep.equal(['100000', '100001']);
    expect(b.value.pupils).to.have.length(5);
  });
});
