/**
 * A second process for the lowdb store tests, run as `node --import tsx store-child.ts <mode> <dir>`.
 *   try    open the store; print "opened" and exit 0, or the LOCKED message on stderr and exit 3
 *   hold   open the store, print "ready", close when stdin ends, exit 0
 *   churn  open the store, then forever: rewrite every document of "bulk" with the next generation
 *          number and a large payload, flush, print the generation
 */
import { createLowdbStore } from '../../../../gateway/store/lowdb/index.ts';
import { isStoreError } from '../../../../gateway/store/types.ts';
import { CHURN_DOCS, CHURN_PAYLOAD_CHARS } from '../helpers.ts';

const [mode, dir] = process.argv.slice(2);
if (!mode || !dir) throw new Error('usage: store-child.ts <try|hold|churn> <dir>');
const store = createLowdbStore({ dir, flushDelayMs: 1 });

try {
  await store.open();
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(isStoreError(err, 'LOCKED') ? 3 : 1);
}

if (mode === 'try') {
  process.stdout.write('opened\n');
  await store.close();
} else if (mode === 'hold') {
  process.stdout.write('ready\n');
  process.stdin.resume();
  process.stdin.on('end', () => void store.close().then(() => process.exit(0)));
} else if (mode === 'churn') {
  const bulk = store.collection<{ id: string; generation: number; payload: string }>('bulk');
  for (let generation = 1; ; generation += 1) {
    const payload = String(generation % 10).repeat(CHURN_PAYLOAD_CHARS);
    for (let i = 0; i < CHURN_DOCS; i += 1) await bulk.put({ id: `doc-${i}`, generation, payload });
    await store.flush();
    process.stdout.write(`${generation}\n`);
  }
}
