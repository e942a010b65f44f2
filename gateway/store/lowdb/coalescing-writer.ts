/**
 * Turns many "this changed" signals into few writes. lowdb rewrites a whole file per write (tens
 * to hundreds of ms, mostly blocking), so one write per burst is the difference between a usable
 * and an unusable gateway. Marks that arrive within `delayMs`, or while a write is in flight,
 * share one write. A failed write keeps the data marked and is retried with a growing delay.
 */
export interface CoalescingWriterOptions {
  /** Writes the current state; called with no overlap. */
  write: () => Promise<void>;
  delayMs: number;
  /** Failures of writes nobody awaits (flush callers get theirs as a rejection too). */
  onError: (err: unknown) => void;
  /** First retry delay after a failure, doubling per failure; default one second. */
  retryDelayMs?: number;
  /** Cap of the retry delay; default one minute. */
  maxRetryDelayMs?: number;
}

export class CoalescingWriter {
  #dirty = false;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #failures = 0;

  constructor(private readonly options: CoalescingWriterOptions) {}

  markDirty(): void {
    this.#dirty = true;
    if (this.#running === undefined) this.#schedule();
  }

  /** Resolves once everything marked before the call is written; rejects when that write fails. */
  flush(): Promise<void> {
    this.#cancelTimer();
    return this.#drain();
  }

  /** True while marked data waits to be written. */
  get pending(): boolean {
    return this.#dirty || this.#running !== undefined;
  }

  #schedule(): void {
    if (this.#timer !== undefined) return;
    const retrying = this.#failures > 0;
    const delay = retrying
      ? Math.min(this.options.maxRetryDelayMs ?? 60_000, (this.options.retryDelayMs ?? 1000) * 2 ** (this.#failures - 1))
      : this.options.delayMs;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#drain().catch(this.options.onError);
    }, delay);
    // A normal write must keep the process alive until it lands; an endless retry must not.
    if (retrying) this.#timer.unref();
  }

  #cancelTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #drain(): Promise<void> {
    this.#running ??= this.#loop().finally(() => {
      this.#running = undefined;
      if (this.#dirty) this.#schedule();
    });
    return this.#running;
  }

  async #loop(): Promise<void> {
    while (this.#dirty) {
      this.#dirty = false;
      try {
        await this.options.write();
        this.#failures = 0;
      } catch (err) {
        this.#dirty = true;
        this.#failures += 1;
        throw err;
      }
    }
  }
}
