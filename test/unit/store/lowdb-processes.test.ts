import { expect } from 'chai';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createLowdbStore } from '../../../gateway/store/lowdb/index.ts';
import type { LowdbStore } from '../../../gateway/store/lowdb/index.ts';
import { CHURN_DOCS, CHURN_PAYLOAD_CHARS, spawnStoreChild, tempDirs } from './helpers.ts';
import type { Child } from './helpers.ts';

interface BulkDoc {
  id: string;
  generation: number;
  payload: string;
}

describe('lowdb store across processes', function () {
  // Each child process starts TypeScript through tsx, which takes a moment on a busy machine.
  this.timeout(60_000);
  const dirs = tempDirs();
  const children: Child[] = [];
  let store: LowdbStore | undefined;

  const spawnChild = (mode: 'try' | 'hold' | 'churn', dir: string): Child => {
    const child = spawnStoreChild(mode, dir);
    children.push(child);
    return child;
  };

  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
      await child.exit;
    }
    await store?.close();
    store = undefined;
    await dirs.cleanup();
  });

  it('refuses a second process with a message naming the lock file and the holder, until the first closes', async () => {
    const dir = await dirs.make();
    store = createLowdbStore({ dir });
    await store.open();

    const refused = await spawnChild('try', dir).exit;
    expect(refused.code).to.equal(3);
    expect(refused.stderr).to.include(`process ${process.pid}`).and.include(join(dir, 'store.lock'));
    expect(refused.stdout).to.not.include('opened');

    await store.close();
    const allowed = await spawnChild('try', dir).exit;
    expect(allowed.code, allowed.stderr).to.equal(0);
    expect(allowed.stdout).to.include('opened');
  });

  it('is refused while another process holds the store, and opens once it has closed', async () => {
    const dir = await dirs.make();
    const holder = spawnChild('hold', dir);
    await holder.line((line) => line === 'ready');
    let refusal: unknown;
    await createLowdbStore({ dir }).open().catch((err: unknown) => (refusal = err));
    expect(refusal).to.have.property('code', 'LOCKED');
    expect((refusal as Error).message).to.include(`process ${holder.process.pid}`);

    holder.process.stdin.end();
    expect((await holder.exit).code).to.equal(0);
    store = createLowdbStore({ dir });
    await store.open();
  });

  it('takes over the lock of a process killed while holding it', async () => {
    const dir = await dirs.make();
    const holder = spawnChild('hold', dir);
    await holder.line((line) => line === 'ready');
    holder.process.kill('SIGKILL');
    expect((await holder.exit).signal).to.equal('SIGKILL');
    expect(await readdir(dir)).to.include('store.lock');
    store = createLowdbStore({ dir });
    await store.open();
  });

  it('leaves a whole, consistent snapshot when killed (SIGKILL) in the middle of writing', async () => {
    const dir = await dirs.make();
    for (let round = 0; round < 4; round += 1) {
      const churn = spawnChild('churn', dir);
      // Wait for a first durable generation of this round, then kill at a random moment.
      await churn.line((line) => /^\d+$/.test(line));
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.floor(Math.random() * 250)));
      churn.process.kill('SIGKILL');
      const { stdout } = await churn.exit;
      // Only whole lines: the child may die halfway through printing one.
      const lastFlushed = Math.max(...stdout.split('\n').slice(0, -1).map(Number));

      const file = JSON.parse(await readFile(join(dir, 'bulk.json'), 'utf8')) as { records: BulkDoc[] };
      const generations = new Set(file.records.map((doc) => doc.generation));
      expect(file.records, `round ${round}`).to.have.length(CHURN_DOCS);
      expect(generations.size, `round ${round}: one generation per snapshot`).to.equal(1);
      const [generation] = generations;
      expect(generation, `round ${round}: every flushed generation is on disk`).to.be.at.least(lastFlushed);
      for (const doc of file.records) {
        expect(doc.payload).to.equal(String(generation! % 10).repeat(CHURN_PAYLOAD_CHARS));
      }

      const reopened = createLowdbStore({ dir });
      await reopened.open();
      expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).to.deep.equal([]);
      expect(await reopened.collection<BulkDoc>('bulk').list()).to.have.length(CHURN_DOCS);
      await reopened.close();
    }
  });
});
