import { expect } from 'chai';
import { CoalescingWriter } from '../../../gateway/store/lowdb/coalescing-writer.ts';

/** A write function the test controls: each call waits until the test lets it finish. */
function controlledWrites() {
  const calls: { release(err?: Error): void }[] = [];
  let started: (() => void) | undefined;
  let active = 0;
  let overlapped = false;
  return {
    calls,
    overlapped: () => overlapped,
    nextCall: () => new Promise<void>((resolve) => (started = resolve)),
    write: () => new Promise<void>((resolve, reject) => {
      active += 1;
      if (active > 1) overlapped = true;
      calls.push({
        release: (err) => {
          active -= 1;
          if (err) reject(err);
          else resolve();
        },
      });
      started?.();
    }),
  };
}

describe('CoalescingWriter', () => {
  it('writes a burst of marks once', async () => {
    let writes = 0;
    const writer = new CoalescingWriter({ delayMs: 60_000, onError: () => {}, write: async () => void (writes += 1) });
    for (let i = 0; i < 1000; i += 1) writer.markDirty();
    await writer.flush();
    expect(writes).to.equal(1);
    await writer.flush();
    expect(writes).to.equal(1);
  });

  it('folds marks made during a write into one more write, never overlapping', async () => {
    const writes = controlledWrites();
    const writer = new CoalescingWriter({ delayMs: 60_000, onError: () => {}, write: writes.write });
    writer.markDirty();
    const started = writes.nextCall();
    const flushed = writer.flush();
    await started;
    for (let i = 0; i < 100; i += 1) writer.markDirty();
    const second = writes.nextCall();
    writes.calls[0]!.release();
    await second;
    expect(writes.calls).to.have.length(2);
    writes.calls[1]!.release();
    await flushed;
    expect(writes.overlapped()).to.equal(false);
    expect(writer.pending).to.equal(false);
  });

  it('rejects a flush whose write fails and writes on the next flush', async () => {
    let fail = true;
    let writes = 0;
    const writer = new CoalescingWriter({
      delayMs: 60_000,
      onError: () => {},
      write: async () => {
        writes += 1;
        if (fail) throw new Error('disk full');
      },
    });
    writer.markDirty();
    let failure: unknown;
    await writer.flush().catch((err: unknown) => (failure = err));
    expect(failure).to.have.property('message', 'disk full');
    expect(writer.pending).to.equal(true);
    fail = false;
    await writer.flush();
    expect(writes).to.equal(2);
    expect(writer.pending).to.equal(false);
  });

  it('retries a failed background write by itself and reports the failure', async () => {
    const errors: unknown[] = [];
    let attempts = 0;
    let succeeded!: () => void;
    const done = new Promise<void>((resolve) => (succeeded = resolve));
    const writer = new CoalescingWriter({
      delayMs: 1,
      retryDelayMs: 1,
      onError: (err) => errors.push(err),
      write: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('EIO');
        succeeded();
      },
    });
    writer.markDirty();
    await done;
    expect(attempts).to.equal(2);
    expect(errors).to.have.length(1);
  });
});
