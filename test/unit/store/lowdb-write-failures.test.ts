/**
 * The lowdb store on an injected failing file system: a failed write is logged at error level with
 * the file and the reason, memory is rolled back to the file, and a new instance over the same
 * directory (a restart after kill -9) finds exactly what was acknowledged.
 */
import { expect } from 'chai';
import { createLowdbStore } from '../../../gateway/store/lowdb/index.ts';
import { failingFs } from '../../support/failing-fs.ts';
import { tempDirs } from './helpers.ts';

describe('lowdb store: failing writes', () => {
  const dirs = tempDirs();
  afterEach(() => dirs.cleanup());

  it('logs the file and reason at error level, rolls back, and a restart finds only what was acknowledged', async () => {
    const dir = await dirs.make();
    const lines: Array<{ level: string; fields: Record<string, unknown>; msg: string }> = [];
    const log = (level: string) => (fields: unknown, msg?: string) => void lines.push({ level, fields: fields as Record<string, unknown>, msg: msg ?? '' });
    const fs = failingFs();
    const store = createLowdbStore({ dir, flushDelayMs: 1, retryDelayMs: 60_000, fs, logger: { debug: () => {}, warn: log('warn'), error: log('error') } });
    await store.open();
    const requests = store.collection<{ id: string }>('changeRequests');
    await requests.put({ id: 'acknowledged' });
    await store.flush();

    fs.fail('changeRequests', 'ENOSPC');
    await requests.put({ id: 'not-acknowledged' });
    let failure: unknown;
    await store.flush().catch((err: unknown) => (failure = err));
    expect(failure).to.have.property('code', 'UNAVAILABLE');
    expect(String((failure as Error).message)).not.to.include(dir);
    const error = lines.find((l) => l.level === 'error');
    expect(error?.fields).to.include({ kind: 'changeRequests', reason: 'ENOSPC' });
    expect(String(error?.fields.file)).to.equal(`${dir}/changeRequests.json`);
    expect((await requests.list()).map((r) => r.id)).to.deep.equal(['acknowledged']);

    // kill -9: no close; a new process takes the lock over (here: a second instance after the lock is dropped).
    fs.heal();
    await store.close();
    const again = createLowdbStore({ dir });
    await again.open();
    expect((await again.collection<{ id: string }>('changeRequests').list()).map((r) => r.id)).to.deep.equal(['acknowledged']);
    await again.close();
  });
});
