import { expect } from 'chai';
import { createCronRoutine } from '../../../gateway/jobs/cron-routine.ts';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('cron routine', () => {
  const errors: unknown[] = [];
  const logger = { error: (obj: object | string) => { errors.push(obj); } };
  beforeEach(() => { errors.length = 0; });

  it('shares a run in flight with a second call, and runs anew after it ended', async () => {
    let runs = 0;
    const g = gate();
    const routine = createCronRoutine({
      name: 'test-shared', expression: '* * * * *', timezone: 'Europe/Amsterdam', logger, failureMessage: 'x',
      run: async () => { runs += 1; await g.opened; return runs; },
    });
    const first = routine.runOnce();
    const second = routine.runOnce();
    g.open();
    expect(await Promise.all([first, second])).to.deep.equal([1, 1]);
    expect(await routine.runOnce()).to.equal(2);
  });

  it('lets runOnce reject to its caller and stays usable; stop waits for the run in flight', async () => {
    let fail = true;
    let finished = false;
    const g = gate();
    const routine = createCronRoutine({
      name: 'test-stop', expression: '0 3 * * *', timezone: 'Europe/Amsterdam', logger, failureMessage: 'x',
      run: async () => {
        if (fail) throw new Error('boom');
        await g.opened;
        finished = true;
      },
    });
    await routine.runOnce().then(() => expect.fail('should reject'), (err: Error) => expect(err.message).to.equal('boom'));
    fail = false;
    routine.start();
    const running = routine.runOnce();
    const stopped = routine.stop();
    g.open();
    await stopped;
    expect(finished).to.equal(true);
    await running;
  });
});
