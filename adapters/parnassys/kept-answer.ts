/**
 * Keeps the latest answer of one web service operation for a short while, per school year, and
 * lets concurrent callers share the call in flight. Failures are not kept; clear() drops the
 * answer and makes a call still in flight unable to refill it.
 */
import type { Clock } from '../contract/index.ts';

export interface KeptAnswerOptions<T> {
  ttlMs: number;
  clock: Clock;
  fetch(schoolYear: string): Promise<T>;
}

export class KeptAnswer<T> {
  readonly #options: KeptAnswerOptions<T>;
  #entry?: { schoolYear: string; fetchedAt: number; data: T };
  readonly #pending = new Map<string, Promise<T>>();
  #generation = 0;

  constructor(options: KeptAnswerOptions<T>) {
    this.#options = options;
  }

  get(schoolYear: string): Promise<T> {
    const entry = this.#entry;
    const now = this.#options.clock.now().getTime();
    if (entry && entry.schoolYear === schoolYear && now - entry.fetchedAt < this.#options.ttlMs && now >= entry.fetchedAt) {
      return Promise.resolve(entry.data);
    }
    const inFlight = this.#pending.get(schoolYear);
    if (inFlight) return inFlight;
    const generation = this.#generation;
    const call = this.#options.fetch(schoolYear).then((data) => {
      if (generation === this.#generation) this.#entry = { schoolYear, fetchedAt: this.#options.clock.now().getTime(), data };
      return data;
    }).finally(() => {
      if (this.#pending.get(schoolYear) === call) this.#pending.delete(schoolYear);
    });
    this.#pending.set(schoolYear, call);
    return call;
  }

  clear(): void {
    this.#generation++;
    this.#entry = undefined;
    this.#pending.clear();
  }
}
