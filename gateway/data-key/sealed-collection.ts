/**
 * A document collection whose personal part is sealed at rest (AES-256-GCM, ../outbox/seal.ts,
 * bound to the document's id): put() seals it, get() and list() open it, so callers see the same
 * documents as before. A codec splits a document into what stays readable (ids, status, dates —
 * what the purge and the queue's filters need, nothing personal) and what is sealed.
 *
 * A document stored before sealing (no `sealed` property) is returned as it is and sealed on its
 * next put (or by resealPlain()). One that does not open with this key is an error naming the key,
 * never a document of garbage.
 */
import { isSealed, type Seal } from '../outbox/index.ts';
import type { DocumentRepo } from '../store/types.ts';
import { DATA_KEY_ENV } from './data-key.ts';

export interface SealCodec<T extends { id: string }, Plain extends { id: string }, Secret> {
  split(doc: T): { plain: Plain; secret: Secret };
  join(plain: Plain, secret: Secret): T;
}

type Stored<Plain> = Plain & { sealed: string };

export class DataKeyError extends Error {
  readonly code = 'DATA_KEY_MISMATCH';
  constructor(collection: string, id: string, options?: { cause?: unknown }) {
    super(`${collection}/${id}: does not open with this data key; set ${DATA_KEY_ENV} to the key the store was written with`, options);
    this.name = 'DataKeyError';
  }
}

export interface SealedCollection<T extends { id: string }> extends DocumentRepo<T> {
  /** Seals every document still stored in plaintext (from before sealing); returns how many. */
  resealPlain(): Promise<number>;
}

export function createSealedCollection<T extends { id: string }, Plain extends { id: string }, Secret>(
  name: string, raw: DocumentRepo<Stored<Plain> | T>, seal: Seal<Secret>, codec: SealCodec<T, Plain, Secret>,
): SealedCollection<T> {
  const open = (doc: Stored<Plain> | T): T => {
    if (!isSealed(doc)) return doc as T;
    const { sealed, ...plain } = doc as Stored<Plain>;
    let secret: Secret;
    try {
      secret = seal.open(sealed, doc.id);
    } catch (err) {
      throw new DataKeyError(name, doc.id, { cause: err });
    }
    return codec.join(plain as unknown as Plain, secret);
  };
  const sealDoc = (doc: T): Stored<Plain> => {
    const { plain, secret } = codec.split(doc);
    return { ...plain, sealed: seal.seal(secret, doc.id) };
  };
  return {
    put: (doc) => raw.put(sealDoc(doc)),
    create: (doc) => raw.create(sealDoc(doc)),
    // The readable part keeps status and dates, so a claim works on the sealed documents as stored.
    claim: async (request) => (await raw.claim(request)).map(open),
    putClaimed: (doc, owner, now) => raw.putClaimed(sealDoc(doc), owner, now),
    async get(id) {
      const doc = await raw.get(id);
      return doc === undefined ? undefined : open(doc);
    },
    async list(filter) {
      const opened = (await raw.list()).map(open);
      return filter ? opened.filter(filter) : opened;
    },
    delete: (id) => raw.delete(id),
    async resealPlain() {
      const plain = (await raw.list()).filter((doc) => !isSealed(doc)) as T[];
      for (const doc of plain) await raw.put(sealDoc(doc));
      return plain.length;
    },
  };
}
