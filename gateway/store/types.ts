/**
 * The store: everything the gateway owns (the SIS owns the rest).
 * One interface, two implementations (lowdb now, PostgreSQL later), one conformance suite
 * (test/support/store-suite.ts) that both run unchanged.
 *
 * Repositories are grouped by kind so each kind can be persisted on its own (lowdb rewrites a
 * whole file per write, so the hot cache must not drag the accounts along).
 * Every method is async, even where lowdb could answer synchronously, because PostgreSQL cannot.
 * Returned objects are copies: mutating them never changes the store.
 */

export type AccountStatus = 'active' | 'disabled';
/** full: a guardian with gezag. limited: granted by an operator, no contact data of others (DOMAIN §5). */
export type AccountScope = 'full' | 'limited';

export interface Account {
  id: string;
  /** SIS guardian id; unique: never two accounts for one guardian. */
  guardianId: string;
  /** Unique, compared case-insensitively (stored lower-case). */
  username: string;
  /** Hash of the parent's own password (PHC string); absent until first login completes. */
  passwordHash?: string;
  /** Hash of the initial secret from the invitation; single use. */
  initialSecretHash?: string;
  initialSecretExpiresAt?: string;
  /** True until the parent has chosen their own password. */
  mustChangePassword: boolean;
  status: AccountStatus;
  scope: AccountScope;
  /** Where mail goes (from the SIS, later the parent's own choice). */
  email?: string;
  locale?: 'nl' | 'en';
  createdAt: string;
  updatedAt: string;
  lastLoginAt?: string;
}

export interface AccountRepo {
  /** Fails with StoreError DUPLICATE on a taken username or guardianId. */
  create(account: Account): Promise<Account>;
  get(id: string): Promise<Account | undefined>;
  findByUsername(username: string): Promise<Account | undefined>;
  findByGuardianId(guardianId: string): Promise<Account | undefined>;
  /** Applies a partial update; fails NOT_FOUND / DUPLICATE; returns the new record. */
  update(id: string, patch: Partial<Omit<Account, 'id' | 'createdAt'>>): Promise<Account>;
  list(): Promise<Account[]>;
}

export interface SessionRecord {
  sid: string;
  /** The account this session belongs to, when logged in; lets us end all sessions of one account. */
  accountId?: string;
  data: Record<string, unknown>;
  /** Absolute expiry (ISO); an expired session is never returned. */
  expiresAt: string;
}

export interface SessionRepo {
  get(sid: string, now: Date): Promise<SessionRecord | undefined>;
  set(record: SessionRecord): Promise<void>;
  destroy(sid: string): Promise<void>;
  /** Ends every session of an account, except `exceptSid`; returns how many. */
  destroyByAccount(accountId: string, exceptSid?: string): Promise<number>;
  /** Removes expired sessions; returns how many. */
  purgeExpired(now: Date): Promise<number>;
}

export interface CacheEntry<T = unknown> {
  key: string;
  /** Record kind, e.g. "student", "absences"; selects the TTL. */
  kind: string;
  /** The pupil the record belongs to, if any; lets us purge a pupil's data when they leave. */
  studentId?: string;
  value: T;
  /** When the value was fetched from the SIS (ISO). */
  storedAt: string;
}

export interface CacheRepo {
  get<T = unknown>(key: string): Promise<CacheEntry<T> | undefined>;
  set<T = unknown>(entry: CacheEntry<T>): Promise<void>;
  delete(key: string): Promise<void>;
  /** Removes every entry of one pupil; returns how many. */
  deleteByStudent(studentId: string): Promise<number>;
  /** Removes entries stored before `before`; returns how many. */
  purgeOlderThan(before: Date): Promise<number>;
  count(): Promise<number>;
}

export interface AuditRecord {
  id: string;
  at: string;
  /** Who: account id (parent) or operator id. */
  actor: string;
  actorKind: 'parent' | 'operator' | 'system';
  /** What happened, e.g. "view", "login", "change.submit". */
  action: string;
  studentId?: string;
  /** Portal section, e.g. "personalia", "results.lvs". */
  section?: string;
  requestId?: string;
  /** Small structured detail, never personal data beyond ids. */
  detail?: Record<string, string | number | boolean>;
}

export interface AuditQuery {
  actor?: string;
  studentId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export interface AuditRepo {
  append(record: AuditRecord): Promise<void>;
  /** Newest first. */
  query(q: AuditQuery): Promise<AuditRecord[]>;
  /** Retention: removes records before `before`; returns how many. */
  purgeOlderThan(before: Date): Promise<number>;
}

/** Generic key/value documents for kinds that come later (outbox, job runs, calendar history). */
export interface DocumentRepo<T extends { id: string }> {
  put(doc: T): Promise<void>;
  get(id: string): Promise<T | undefined>;
  list(filter?: (doc: T) => boolean): Promise<T[]>;
  delete(id: string): Promise<void>;
}

export interface Store {
  readonly kind: 'lowdb' | 'postgres' | 'memory';
  readonly accounts: AccountRepo;
  readonly sessions: SessionRepo;
  readonly cache: CacheRepo;
  readonly audit: AuditRepo;
  /** A named collection of documents (e.g. "outbox", "jobRuns"). */
  collection<T extends { id: string }>(name: string): DocumentRepo<T>;
  /** Takes the lock and loads data; fails with StoreError LOCKED when another process holds it. */
  open(): Promise<void>;
  /** Resolves once every write made so far is durable on disk. */
  flush(): Promise<void>;
  /** Flushes and releases the lock. */
  close(): Promise<void>;
}

export type StoreErrorCode = 'DUPLICATE' | 'NOT_FOUND' | 'LOCKED' | 'CORRUPT' | 'CLOSED';

export class StoreError extends Error {
  constructor(readonly code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}
