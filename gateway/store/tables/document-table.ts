import type { DocumentRepo } from '../types.ts';
import { copyOut, requireId, toStored } from './table-hooks.ts';
import type { TableHooks } from './table-hooks.ts';

/** One named collection of documents in memory, keyed by id, in order of first put. */
export class DocumentTable<T extends { id: string }> implements DocumentRepo<T> {
  readonly #byId = new Map<string, T>();

  constructor(private readonly hooks: TableHooks) {}

  load(docs: T[]): void {
    this.#byId.clear();
    for (const doc of docs) this.#byId.set(requireId(doc.id, 'id'), doc);
  }

  snapshot(): T[] {
    return [...this.#byId.values()];
  }

  async put(doc: T): Promise<void> {
    this.hooks.beforeWrite();
    const stored = toStored(doc);
    this.#byId.set(requireId(stored.id, 'id'), stored);
    this.hooks.changed();
  }

  async get(id: string): Promise<T | undefined> {
    this.hooks.assertOpen();
    const doc = this.#byId.get(id);
    return doc && copyOut(doc);
  }

  async list(filter?: (doc: T) => boolean): Promise<T[]> {
    this.hooks.assertOpen();
    const docs = [...this.#byId.values()].map(copyOut);
    return filter ? docs.filter((doc) => filter(doc)) : docs;
  }

  async delete(id: string): Promise<void> {
    this.hooks.beforeWrite();
    if (this.#byId.delete(id)) this.hooks.changed();
  }
}
