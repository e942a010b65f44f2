/**
 * A bounded memo: values by key, at most `max` of them; adding one more forgets the one used least
 * recently. For what is costly to build and asked for again soon (the results page of a child
 * whose parents reload it); never a second archive, whatever the number of keys.
 */
export class LruMemo<V> {
  readonly #values = new Map<string, V>();
  #hits = 0;
  #misses = 0;

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`An LruMemo holds at least one value, not ${max}`);
  }

  /** The value kept under `key`, or the one `build` makes (then kept). */
  getOrBuild(key: string, build: () => V): V {
    if (this.#values.has(key)) {
      const value = this.#values.get(key) as V;
      // A Map iterates in insertion order: re-inserting makes this the most recently used.
      this.#values.delete(key);
      this.#values.set(key, value);
      this.#hits += 1;
      return value;
    }
    const value = build();
    this.#values.set(key, value);
    if (this.#values.size > this.max) this.#values.delete(this.#values.keys().next().value as string);
    this.#misses += 1;
    return value;
  }

  get size(): number {
    return this.#values.size;
  }

  get stats(): { hits: number; misses: number } {
    return { hits: this.#hits, misses: this.#misses };
  }
}
