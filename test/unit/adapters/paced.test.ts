/** Work over a whole school, run at once or paced: the same result, and the event loop let in between slices. */
import { expect } from 'chai';
import { runNow, runPaced, type Steps } from '../../../adapters/shared/paced.ts';

function* summing(items: readonly number[], log: string[]): Steps<number> {
  let sum = 0;
  for (const item of items) {
    yield;
    log.push(`item ${item}`);
    sum += item;
  }
  return sum;
}

describe('paced work', () => {
  it('runNow runs every step without letting anything else in', () => {
    const log: string[] = [];
    setImmediate(() => log.push('other work'));
    expect(runNow(summing([1, 2, 3], log))).to.equal(6);
    expect(log).to.deep.equal(['item 1', 'item 2', 'item 3']);
  });

  it('runPaced gives the same result, letting other work in after each slice by its clock', async () => {
    const log: string[] = [];
    // A clock that moves 1 ms per reading: with 3 ms slices, the loop gets a turn every two steps or so.
    let t = 0;
    const now = () => t++;
    // Queued before the run: it gets its turn only if the run lets the event loop in.
    setImmediate(() => log.push('other work'));
    expect(await runPaced(summing([1, 2, 3, 4, 5, 6], log), { sliceMs: 3, now })).to.equal(21);
    const firstOther = log.indexOf('other work');
    expect(firstOther).to.be.greaterThan(0);
    expect(firstOther).to.be.below(log.indexOf('item 6'));
  });

  it('runPaced does not pause while the slice lasts', async () => {
    const log: string[] = [];
    setImmediate(() => log.push('other work'));
    expect(await runPaced(summing([1, 2, 3], log), { sliceMs: 1_000, now: () => 0 })).to.equal(6);
    expect(log.slice(0, 3)).to.deep.equal(['item 1', 'item 2', 'item 3']);
  });
});
