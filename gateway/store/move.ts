/**
 * Moving a school between stores (lowdb → PostgreSQL and back): a copy of what the gateway must
 * not lose — accounts, the audit log and every collection (outbox, corrections, job runs, …) —
 * into an empty target, verified afterwards kind by kind (counts and ids). Both stores are opened
 * by the caller; the source must be stopped (a lowdb source refuses while a gateway holds it).
 *
 * Sessions and the record cache are not moved: parents log in again, and the cache refills from
 * the SIS (it is never an archive). The order of creation (accounts, collections) and of the audit
 * log (equal times included) is kept.
 */
import type { Store } from './types.ts';

export interface MovableStore extends Store {
  collectionNames(): Promise<string[]>;
}

export interface KindCount {
  kind: string;
  source: number;
  target: number;
  /** Same count and same ids on both sides. */
  ok: boolean;
}

export class MoveError extends Error {
  constructor(readonly code: 'TARGET_NOT_EMPTY' | 'MISMATCH', message: string) {
    super(message);
    this.name = 'MoveError';
  }
}

/** Ids per kind: accounts, audit, collection:<name>. */
async function idsByKind(store: MovableStore): Promise<Map<string, string[]>> {
  const kinds = new Map<string, string[]>();
  kinds.set('accounts', (await store.accounts.list()).map((a) => a.id));
  kinds.set('audit', (await store.audit.query({})).map((r) => r.id));
  for (const name of (await store.collectionNames()).sort()) {
    const ids = (await store.collection(name).list()).map((d) => d.id);
    if (ids.length > 0) kinds.set(`collection:${name}`, ids);
  }
  return kinds;
}

export async function moveStore(from: MovableStore, to: MovableStore): Promise<KindCount[]> {
  const present = [...(await idsByKind(to))].filter(([, ids]) => ids.length > 0);
  if (present.length > 0) {
    throw new MoveError('TARGET_NOT_EMPTY', `The target store is not empty (${present.map(([k, ids]) => `${k}: ${ids.length}`).join(', ')}); `
      + 'move into a new, empty store');
  }
  for (const account of await from.accounts.list()) await to.accounts.create(account);
  // query() is newest first (last appended first among equals); appending oldest first keeps both orders.
  for (const record of (await from.audit.query({})).reverse()) await to.audit.append(record);
  for (const name of await from.collectionNames()) {
    const target = to.collection(name);
    for (const doc of await from.collection(name).list()) await target.put(doc);
  }
  await to.flush();

  const source = await idsByKind(from);
  const copied = await idsByKind(to);
  const report = [...new Set([...source.keys(), ...copied.keys()])].map((kind) => {
    const a = source.get(kind) ?? [];
    const b = copied.get(kind) ?? [];
    return { kind, source: a.length, target: b.length, ok: a.length === b.length && a.every((id, i) => id === b[i]) };
  });
  const wrong = report.filter((r) => !r.ok);
  if (wrong.length > 0) {
    throw Object.assign(new MoveError('MISMATCH', `The copy differs from the source: ${wrong.map((r) => r.kind).join(', ')}`), { report });
  }
  return report;
}
