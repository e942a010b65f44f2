import { normaliseUsername } from '../tables/account-table.ts';
import { requireId } from '../tables/table-hooks.ts';
import { StoreError } from '../types.ts';
import type { Account, AccountRepo } from '../types.ts';
import { toJson } from './db.ts';
import type { Db, DuplicateMessages } from './db.ts';

type AccountPatch = Parameters<AccountRepo['update']>[1];

// Values are [school, id, username, guardianId, doc] in both the insert and the update.
const DUPLICATES: DuplicateMessages = {
  accounts_pkey: (v) => `An account with id ${String(v[1])} exists`,
  accounts_username_key: (v) => `Username ${String(v[2])} is taken`,
  accounts_guardian_key: (v) => `Guardian ${String(v[3])} already has an account`,
};

/** A stored account: JSON-clean, username lower-cased, the key fields present. */
function stored(account: Account): Account {
  const record = JSON.parse(toJson({ ...account, username: normaliseUsername(requireId(account.username, 'username')) })) as Account;
  requireId(record.id, 'id');
  requireId(record.guardianId, 'guardianId');
  return record;
}

export class PgAccounts implements AccountRepo {
  constructor(private readonly db: Db) {}

  async create(account: Account): Promise<Account> {
    this.db.assertOpen();
    const record = stored(account);
    await this.db.write(
      'accounts', 'INSERT INTO accounts (school_id, id, username, guardian_id, doc) VALUES ($1, $2, $3, $4, $5)',
      [this.db.schoolId, record.id, record.username, record.guardianId, toJson(record)], DUPLICATES,
    );
    return record;
  }

  get(id: string): Promise<Account | undefined> {
    return this.#one('id', id);
  }

  findByUsername(username: string): Promise<Account | undefined> {
    return this.#one('username', normaliseUsername(username));
  }

  findByGuardianId(guardianId: string): Promise<Account | undefined> {
    return this.#one('guardian_id', guardianId);
  }

  async update(id: string, patch: AccountPatch): Promise<Account> {
    this.db.assertOpen();
    return this.db.writeTransaction('accounts', async (q) => {
      const { rows } = await q.query<{ doc: Account }>(
        'SELECT doc FROM accounts WHERE school_id = $1 AND id = $2 FOR UPDATE', [this.db.schoolId, id],
      );
      const current = rows[0]?.doc;
      if (!current) throw new StoreError('NOT_FOUND', `No account with id ${id}`);
      const next = stored({ ...current, ...patch, id: current.id, createdAt: current.createdAt });
      await q.query(
        'UPDATE accounts SET username = $3, guardian_id = $4, doc = $5 WHERE school_id = $1 AND id = $2',
        [this.db.schoolId, id, next.username, next.guardianId, toJson(next)],
      );
      return next;
    }, DUPLICATES);
  }

  async list(): Promise<Account[]> {
    const { rows } = await this.db.query<{ doc: Account }>(
      'SELECT doc FROM accounts WHERE school_id = $1 ORDER BY seq', [this.db.schoolId],
    );
    return rows.map((r) => r.doc);
  }

  async delete(id: string): Promise<boolean> {
    this.db.assertOpen();
    const { rowCount } = await this.db.write('accounts', 'DELETE FROM accounts WHERE school_id = $1 AND id = $2', [this.db.schoolId, id]);
    return (rowCount ?? 0) > 0;
  }

  async #one(column: 'id' | 'username' | 'guardian_id', value: string): Promise<Account | undefined> {
    const { rows } = await this.db.query<{ doc: Account }>(
      `SELECT doc FROM accounts WHERE school_id = $1 AND ${column} = $2`, [this.db.schoolId, value],
    );
    return rows[0]?.doc;
  }
}
