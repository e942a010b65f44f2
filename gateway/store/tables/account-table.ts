import { StoreError } from '../types.ts';
import type { Account, AccountRepo } from '../types.ts';
import { copyOut, requireId, toStored } from './table-hooks.ts';
import type { TableHooks } from './table-hooks.ts';

type AccountPatch = Parameters<AccountRepo['update']>[1];

export function normaliseUsername(username: string): string {
  return username.toLowerCase();
}

/** Accounts in memory with unique indexes on username (case-insensitive) and guardianId. */
export class AccountTable implements AccountRepo {
  readonly #byId = new Map<string, Account>();
  readonly #idByUsername = new Map<string, string>();
  readonly #idByGuardian = new Map<string, string>();

  constructor(private readonly hooks: TableHooks) {}

  /** Replaces the contents with records read from disk; throws on records that break the indexes. */
  load(records: Account[]): void {
    this.#byId.clear();
    this.#idByUsername.clear();
    this.#idByGuardian.clear();
    for (const record of records) {
      this.#check(record);
      this.#index(record);
    }
  }

  snapshot(): Account[] {
    return [...this.#byId.values()];
  }

  async create(account: Account): Promise<Account> {
    this.hooks.beforeWrite();
    const record = toStored({ ...account, username: normaliseUsername(requireId(account.username, 'username')) });
    this.#check(record);
    this.#index(record);
    this.hooks.changed();
    return copyOut(record);
  }

  async get(id: string): Promise<Account | undefined> {
    this.hooks.assertOpen();
    return this.#copy(id);
  }

  async findByUsername(username: string): Promise<Account | undefined> {
    this.hooks.assertOpen();
    return this.#copy(this.#idByUsername.get(normaliseUsername(username)));
  }

  async findByGuardianId(guardianId: string): Promise<Account | undefined> {
    this.hooks.assertOpen();
    return this.#copy(this.#idByGuardian.get(guardianId));
  }

  async update(id: string, patch: AccountPatch): Promise<Account> {
    this.hooks.beforeWrite();
    const current = this.#byId.get(id);
    if (!current) throw new StoreError('NOT_FOUND', `No account with id ${id}`);
    const merged = { ...current, ...patch, id: current.id, createdAt: current.createdAt };
    const next = toStored({ ...merged, username: normaliseUsername(requireId(merged.username, 'username')) });
    this.#check(next, current);
    this.#unindex(current);
    this.#index(next);
    this.hooks.changed();
    return copyOut(next);
  }

  async list(): Promise<Account[]> {
    this.hooks.assertOpen();
    return [...this.#byId.values()].map(copyOut);
  }

  async delete(id: string): Promise<boolean> {
    this.hooks.beforeWrite();
    const current = this.#byId.get(id);
    if (!current) return false;
    this.#unindex(current);
    this.#byId.delete(id);
    this.hooks.changed();
    return true;
  }

  #copy(id: string | undefined): Account | undefined {
    const record = id === undefined ? undefined : this.#byId.get(id);
    return record && copyOut(record);
  }

  /** Refuses a record whose id, username or guardianId belongs to another account than `self`. */
  #check(record: Account, self?: Account): void {
    requireId(record.id, 'id');
    requireId(record.guardianId, 'guardianId');
    if (!self && this.#byId.has(record.id)) {
      throw new StoreError('DUPLICATE', `An account with id ${record.id} exists`);
    }
    const byUsername = this.#idByUsername.get(record.username);
    if (byUsername !== undefined && byUsername !== self?.id) {
      throw new StoreError('DUPLICATE', `Username ${record.username} is taken`);
    }
    const byGuardian = this.#idByGuardian.get(record.guardianId);
    if (byGuardian !== undefined && byGuardian !== self?.id) {
      throw new StoreError('DUPLICATE', `Guardian ${record.guardianId} already has an account`);
    }
  }

  #index(record: Account): void {
    this.#byId.set(record.id, record);
    this.#idByUsername.set(record.username, record.id);
    this.#idByGuardian.set(record.guardianId, record.id);
  }

  #unindex(record: Account): void {
    this.#idByUsername.delete(record.username);
    this.#idByGuardian.delete(record.guardianId);
  }
}
