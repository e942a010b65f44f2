import { expect } from 'chai';
import { createHashSlots, defaultHashConcurrency } from '../../../gateway/auth/hash-slots.ts';
import { createPasswordHasher } from '../../../gateway/auth/password-hash.ts';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('hash slots (argon2 runs at once)', () => {
  it('runs at most `limit` at once and starts the waiting ones in arrival order', async () => {
    const slots = createHashSlots(2);
    const gates = [0, 1, 2, 3].map(() => deferred<number>());
    const started: number[] = [];
    const runs = gates.map((gate, i) => slots.run(() => { started.push(i); return gate.promise; }));
    await settle();
    expect(started).to.deep.equal([0, 1]);
    expect([slots.active, slots.waiting]).to.deep.equal([2, 2]);

    gates[1]!.resolve(1);
    await settle();
    expect(started).to.deep.equal([0, 1, 2]);
    gates[0]!.reject(new Error('argon2 failed'));
    await settle();
    expect(started).to.deep.equal([0, 1, 2, 3]);
    expect([slots.active, slots.waiting]).to.deep.equal([2, 0]);

    gates[2]!.resolve(2);
    gates[3]!.resolve(3);
    const outcomes = await Promise.allSettled(runs);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).to.deep.equal(['argon2 failed', 1, 2, 3]);
    expect([slots.active, slots.waiting]).to.deep.equal([0, 0]);
  });

  it('leaves one core to the event loop by default and refuses a limit below one', () => {
    expect(defaultHashConcurrency()).to.be.at.least(1);
    expect(() => createHashSlots(0)).to.throw(RangeError);
    expect(() => createHashSlots(1.5)).to.throw(RangeError);
  });

  it('the hasher still hashes and verifies through its slots, also when many come at once', async () => {
    const hasher = createPasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 }, { concurrency: 1 });
    const hash = await hasher.hashPassword('een heel lang wachtwoord');
    const checks = await Promise.all([
      hasher.verifyPassword(hash, 'een heel lang wachtwoord'),
      hasher.verifyPassword(hash, 'iets anders'),
      hasher.verifyDummy('een heel lang wachtwoord'),
      hasher.verifyPassword(hash, 'een heel lang wachtwoord'),
    ]);
    expect(checks).to.deep.equal([true, false, false, true]);
  });
});
