/**
 * How far the scheduler has processed policy events: one document in the store. Events up to and
 * including `processedUntil` have fired; a restart continues after it, so a transition missed
 * while the server was down fires once at the next start, and none fires twice.
 */
import type { Store } from '../store/types.ts';

export const POLICY_STATE_COLLECTION = 'policyState';
const WATERMARK_ID = 'events';

interface WatermarkDoc {
  id: string;
  processedUntil: string;
  updatedAt: string;
}

export interface EventWatermark {
  /** The instant up to which events were processed; undefined before the first start. */
  get(): Promise<Date | undefined>;
  set(processedUntil: Date, now: Date): Promise<void>;
}

export function eventWatermark(store: Store, collection = POLICY_STATE_COLLECTION): EventWatermark {
  const docs = store.collection<WatermarkDoc>(collection);
  return {
    async get() {
      const doc = await docs.get(WATERMARK_ID);
      return doc ? new Date(doc.processedUntil) : undefined;
    },
    async set(processedUntil, now) {
      await docs.put({ id: WATERMARK_ID, processedUntil: processedUntil.toISOString(), updatedAt: now.toISOString() });
    },
  };
}
