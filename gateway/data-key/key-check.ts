/**
 * A wrong data key is found at boot, not on the first page that reads a correction: the store
 * keeps one sealed check value; a key that does not open it stops the start with an error naming
 * OUDERPOORT_DATA_KEY. A store without one (new, or from before the data key) gets it now.
 */
import { createSeal } from '../outbox/index.ts';
import type { Store } from '../store/types.ts';
import { DATA_KEY_ENV } from './data-key.ts';

export const DATA_KEY_COLLECTION = 'dataKey';
const CHECK_ID = 'check';
const CHECK_VALUE = 'ouderpoort-data-key';

interface CheckDoc { id: string; sealed: string }

export async function checkDataKey(store: Store, key: string): Promise<void> {
  const checks = store.collection<CheckDoc>(DATA_KEY_COLLECTION);
  const seal = createSeal<string>(key, 'data-key-check-v1');
  const existing = await checks.get(CHECK_ID);
  if (!existing) {
    await checks.put({ id: CHECK_ID, sealed: seal.seal(CHECK_VALUE, CHECK_ID) });
    await store.flush();
    return;
  }
  let opened: string | undefined;
  try {
    opened = seal.open(existing.sealed, CHECK_ID);
  } catch {
    opened = undefined;
  }
  if (opened !== CHECK_VALUE) {
    throw new Error(`store.dataKey: this store was sealed with another data key; set ${DATA_KEY_ENV} to the key it was written with (without it the corrections it holds cannot be read)`);
  }
}
