/**
 * Work over a whole school (joining 1,500 pupils' records, indexing 1,500 dossiers) written once,
 * as a generator that yields after each record, and run either at once (tests, small schools
 * alike) or paced: after about `sliceMs` of work the runner waits for the event loop, so pages
 * keep being served while a school is read. A paced run takes a little longer in total; no turn
 * of the event loop waits for more than a slice.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** The work, yielding (nothing) wherever it may pause; returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Work between two pauses, in ms. Well under the 50 ms a page may wait for the event loop. */
export const SLICE_MS = 8;

/** Runs the steps to the end without pausing. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface PaceOptions {
  /** Work between two pauses, in ms (default SLICE_MS). */
  sliceMs?: number;
  /** The clock the slices are measured by (default performance.now). */
  now?: () => number;
}

/** Runs the steps, letting the event loop in after every `sliceMs` of work. */
export async function runPaced<T>(steps: Steps<T>, { sliceMs = SLICE_MS, now = () => performance.now() }: PaceOptions = {}): Promise<T> {
  let sliceStart = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = now();
    }
  }
}
