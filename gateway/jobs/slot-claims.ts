/**
 * Once per slot across instances: a firing of a cron routine (the nightly accounts run at its
 * minute, the digest at each minute, the nightly purge, the correction-delay notices, the daily
 * check of issued reports, the data-check reminders) is claimed by creating the row
 * `<job>|<slot>` in the jobSlots collection (DocumentRepo.create: INSERT … ON CONFLICT DO NOTHING
 * on PostgreSQL). The instance that created it runs the slot; the others skip it. A store that
 * does not answer claims nothing and the slot does not run (fail closed); the routine tries that
 * slot again until the store answers (cron-routine.ts).
 *
 * A store one process owns (lowdb's lock, memory) needs no row: every slot is this process's.
 * Rows are kept two days; a slot older than that is not claimed at all (its row may be swept, and
 * claiming it anew could run it twice): a catch-up after two days of outage waits for the next
 * firing instead.
 */
import type { Clock } from '../../adapters/contract/index.ts';
import type { Store } from '../store/types.ts';

export const JOB_SLOTS_COLLECTION = 'jobSlots';
const KEEP_MS = 2 * 86_400_000;
const SWEEP_EVERY_MS = 3_600_000;

interface SlotDoc {
  id: string;
  job: string;
  /** The firing's minute (ISO). */
  slot: string;
  claimedBy: string;
  claimedAt: string;
}

export interface SlotClaims {
  /**
   * True when this instance has the slot (and runs it); false when another one has, or the slot is
   * past the keep period. Rejects when the store does not answer.
   */
  claim(job: string, slot: Date): Promise<boolean>;
}

export function createSlotClaims(deps: { store: Store; clock: Clock; owner: string; exclusive: boolean }): SlotClaims {
  if (deps.exclusive) return { claim: async () => true };
  const slots = deps.store.collection<SlotDoc>(JOB_SLOTS_COLLECTION);
  let lastSweep = Number.NEGATIVE_INFINITY;

  async function sweep(nowMs: number): Promise<void> {
    lastSweep = nowMs;
    for (const old of await slots.list((doc) => Date.parse(doc.slot) < nowMs - KEEP_MS)) await slots.delete(old.id);
  }

  return {
    async claim(job, slot) {
      const now = deps.clock.now();
      if (now.getTime() - slot.getTime() > KEEP_MS) return false;
      const doc: SlotDoc = { id: `${job}|${slot.toISOString()}`, job, slot: slot.toISOString(), claimedBy: deps.owner, claimedAt: now.toISOString() };
      const mine = await slots.create(doc);
      // Housekeeping after the claim, never in its way: a failed sweep is tried at the next hour.
      if (mine && now.getTime() - lastSweep >= SWEEP_EVERY_MS) await sweep(now.getTime()).catch(() => undefined);
      return mine;
    },
  };
}
