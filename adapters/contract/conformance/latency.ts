/**
 * Per-method call latency over a conformance run, for the report: a slow adapter is worth knowing
 * about before parents are waiting on it, even when every rule passes.
 */
import { performance } from 'node:perf_hooks';
import type { SisAdapter } from '../index.ts';

export interface MethodLatency {
  method: string;
  calls: number;
  minMs: number;
  medianMs: number;
  maxMs: number;
}

export class LatencyRecorder {
  readonly #samples = new Map<string, number[]>();

  record(method: string, ms: number): void {
    const list = this.#samples.get(method) ?? [];
    list.push(ms);
    this.#samples.set(method, list);
  }

  /** One row per method that was called, in alphabetical order. */
  summary(): MethodLatency[] {
    return [...this.#samples.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([method, samples]) => {
        const sorted = [...samples].sort((a, b) => a - b);
        const mid = Math.floor(sorted.length / 2);
        const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
        return { method, calls: sorted.length, minMs: sorted[0]!, medianMs: median, maxMs: sorted.at(-1)! };
      });
  }
}

/** The calls that reach the SIS; close() is bookkeeping and would only crowd the report. */
const TIMED_METHODS = new Set([
  'healthCheck', 'listStudents', 'getStudent', 'listGuardians', 'getGuardian', 'listGuardiansOfStudent',
  'listAbsences', 'listResults', 'submitChange',
]);

/**
 * A view of the adapter that times its contract methods. Methods keep their presence or absence
 * (the capability checks look through this view), and the caller gets the adapter's own promise back.
 */
export function timed(adapter: SisAdapter, recorder: LatencyRecorder): SisAdapter {
  return new Proxy(adapter, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof prop !== 'string' || !TIMED_METHODS.has(prop) || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const started = performance.now();
        const done = () => recorder.record(prop, performance.now() - started);
        let result: unknown;
        try {
          result = Reflect.apply(value, target, args);
        } catch (err) {
          done();
          throw err;
        }
        if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function') {
          (result as PromiseLike<unknown>).then(done, done);
        } else {
          done();
        }
        return result;
      };
    },
  });
}
