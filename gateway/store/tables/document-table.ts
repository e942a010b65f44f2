import type { ClaimableDoc, ClaimRequest, DocumentRepo } from '../types.ts';
import { assertClaimRequest, byNextAttempt, claimed, holdsLease, isClaimable } from './claims.ts';
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

  // One process, one thread: each of these runs to its end before another starts, so a claim is
  // atomic without a lock, and two claims never take the same document.
  async create(doc: T): Promise<boolean> {
    this.hooks.beforeWrite();
    const stored = toStored(doc);
    if (this.#byId.has(requireId(stored.id, 'id'))) return false;
    this.#byId.set(stored.id, stored);
    this.hooks.changed();
    return true;
  }

  async claim(request: ClaimRequest): Promise<T[]> {
    this.hooks.assertOpen();
    assertClaimRequest(request);
    const nowMs = request.now.getTime();
    const due = [...this.#byId.values()].filter((doc) => isClaimable(doc as Partial<ClaimableDoc>, nowMs));
    // Nothing due is only a read: a kind that cannot be written now (full disk) still answers it.
    if (due.length === 0) return [];
    this.hooks.beforeWrite();
    const taken = due.sort(byNextAttempt).slice(0, request.limit).map((doc) => toStored(claimed(doc, request)));
    for (const doc of taken) this.#byId.set(doc.id, doc);
    this.hooks.changed();
    return taken.map(copyOut);
  }

  async putClaimed(doc: T, owner: string, now: Date): Promise<boolean> {
    this.hooks.beforeWrite();
    const stored = toStored(doc);
    if (!holdsLease(this.#byId.get(requireId(stored.id, 'id')) as Partial<ClaimableDoc> | undefined, owner, now.getTime())) return false;
    this.#byId.set(stored.id, stored);
    this.hooks.changed();
    return true;
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
