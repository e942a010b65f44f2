import type { SessionRecord, SessionRepo } from '../types.ts';
import { addToIndex, copyOut, parseTime, removeFromIndex, requireId, toStored } from './table-hooks.ts';
import type { TableHooks } from './table-hooks.ts';

interface Row {
  record: SessionRecord;
  expiresMs: number;
}

/** Sessions in memory, indexed by account so "log out everywhere" does not scan. */
export class SessionTable implements SessionRepo {
  readonly #bySid = new Map<string, Row>();
  readonly #sidsByAccount = new Map<string, Set<string>>();

  constructor(private readonly hooks: TableHooks) {}

  load(records: SessionRecord[]): void {
    this.#bySid.clear();
    this.#sidsByAccount.clear();
    for (const record of records) this.#put(record);
  }

  snapshot(): SessionRecord[] {
    return [...this.#bySid.values()].map((row) => row.record);
  }

  async get(sid: string, now: Date): Promise<SessionRecord | undefined> {
    this.hooks.assertOpen();
    const row = this.#bySid.get(sid);
    if (!row || row.expiresMs <= now.getTime()) return undefined;
    return copyOut(row.record);
  }

  async set(record: SessionRecord): Promise<void> {
    this.hooks.beforeWrite();
    this.#put(toStored(record));
    this.hooks.changed();
  }

  async destroy(sid: string): Promise<void> {
    this.hooks.beforeWrite();
    if (this.#remove(sid)) this.hooks.changed();
  }

  async destroyByAccount(accountId: string, exceptSid?: string): Promise<number> {
    this.hooks.beforeWrite();
    const sids = [...(this.#sidsByAccount.get(accountId) ?? [])].filter((sid) => sid !== exceptSid);
    for (const sid of sids) this.#remove(sid);
    if (sids.length > 0) this.hooks.changed();
    return sids.length;
  }

  async listByAccount(accountId: string, now: Date): Promise<SessionRecord[]> {
    this.hooks.assertOpen();
    const nowMs = now.getTime();
    const rows = [...(this.#sidsByAccount.get(accountId) ?? [])].map((sid) => this.#bySid.get(sid)!);
    return rows.filter((row) => row.expiresMs > nowMs).map((row) => copyOut(row.record));
  }

  async purgeExpired(now: Date): Promise<number> {
    this.hooks.beforeWrite();
    const nowMs = now.getTime();
    let removed = 0;
    for (const [sid, row] of this.#bySid) {
      if (row.expiresMs <= nowMs && this.#remove(sid)) removed += 1;
    }
    if (removed > 0) this.hooks.changed();
    return removed;
  }

  #put(record: SessionRecord): void {
    requireId(record.sid, 'sid');
    const expiresMs = parseTime(record.expiresAt, 'expiresAt');
    this.#remove(record.sid);
    this.#bySid.set(record.sid, { record, expiresMs });
    if (record.accountId !== undefined) addToIndex(this.#sidsByAccount, record.accountId, record.sid);
  }

  #remove(sid: string): boolean {
    const row = this.#bySid.get(sid);
    if (!row) return false;
    this.#bySid.delete(sid);
    if (row.record.accountId !== undefined) removeFromIndex(this.#sidsByAccount, row.record.accountId, sid);
    return true;
  }
}
