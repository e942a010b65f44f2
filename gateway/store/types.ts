/**
 * The store: everything the gateway owns (the SIS owns the rest).
 * One interface, two implementations (lowdb now, PostgreSQL later), one conformance suite
 * (test/support/store-suite.ts) that both run unchanged.
 *
 * Repositories are grouped by kind so each kind can be persisted on its own (lowdb rewrites a
 * whole file per write, so the hot cache must not drag the accounts along).
 * Every method is async, even where lowdb could answer synchronously, because PostgreSQL cannot.
 * Returned objects are copies (CacheRepo.peek excepted: frozen, shared): mutating them never changes
 * the store. Stored records are replaced, never changed in place. What is stored is what JSON
 * can hold (a property set to `undefined` is dropped), so every implementation returns the same.
 * Every repo method rejects with StoreError CLOSED before `open()` or after `close()`.
 *
 * Nothing is acknowledged that is not kept: a store that fails to persist a kind (full or
 * read-only disk, a database that refuses the write) rolls that kind back to what it last
 * persisted, reports it in `health()`, refuses further changes to it with UNAVAILABLE and rejects
 * `flush()` until it can write again. Reads keep answering from what was persisted. PostgreSQL
 * holds nothing back: a write that fails rejects to its caller (nothing changed), is reported in
 * `health()`, and the next write is tried anew.
 */
import type { AccessGrant } from '../privacy/grant.ts';

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
  /** The guardian's own e-mail address in the SIS: invitations and password resets go here. */
  email?: string;
  /**
   * An address the parent chose for notifications, confirmed by a link sent to it; without it
   * notifications go to `email`.
   */
  notificationEmail?: string;
  locale?: 'nl' | 'en';
  createdAt: string;
  updatedAt: string;
  lastLoginAt?: string;
  /** SIS ids of the children over whom the guardian has gezag, as the last provisioning run saw them. */
  studentIds?: string[];
  /**
   * Why a disabled account is disabled. 'left': no child with gezag at school any more (provisioning
   * enables it again when one returns); 'operator': an operator's decision, which provisioning keeps.
   */
  disabledReason?: 'left' | 'operator';
  /** When it was disabled (ISO); the retention purge deletes it `retention.disabledAccounts` later. */
  disabledAt?: string;
  /** The number of the latest invitation issued (1 = the first; more after a re-issue). */
  invitations?: number;
  /** The number of the latest invitation whose mail is in the outbox. */
  invitationQueued?: number;
  /** When the latest invitation mail was queued (ISO). */
  invitedAt?: string;
  /** For scope 'limited': what an operator granted (gateway/privacy/grant.ts). */
  grant?: AccessGrant;
}

export interface AccountRepo {
  /** Fails with StoreError DUPLICATE on a taken id, username or guardianId. Stores the username lower-cased. */
  create(account: Account): Promise<Account>;
  get(id: string): Promise<Account | undefined>;
  findByUsername(username: string): Promise<Account | undefined>;
  findByGuardianId(guardianId: string): Promise<Account | undefined>;
  /**
   * Applies a partial update (a key set to `undefined` removes that field); fails NOT_FOUND /
   * DUPLICATE; returns the new record. The store never sets `updatedAt` itself: the caller does.
   */
  update(id: string, patch: Partial<Omit<Account, 'id' | 'createdAt'>>): Promise<Account>;
  /** In order of creation. */
  list(): Promise<Account[]>;
  /** Removes the account (the retention purge, long after it was disabled); false when unknown. */
  delete(id: string): Promise<boolean>;
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
  /** Undefined when unknown or expired (expiresAt <= now). */
  get(sid: string, now: Date): Promise<SessionRecord | undefined>;
  /** Creates or replaces; INVALID when expiresAt is not a date. */
  set(record: SessionRecord): Promise<void>;
  destroy(sid: string): Promise<void>;
  /** Ends every session of an account, except `exceptSid`; returns how many. */
  destroyByAccount(accountId: string, exceptSid?: string): Promise<number>;
  /** The account's sessions that have not expired at `now` (copies), in no particular order. */
  listByAccount(accountId: string, now: Date): Promise<SessionRecord[]>;
  /** Removes expired sessions; returns how many. */
  purgeExpired(now: Date): Promise<number>;
}

export interface CacheEntry<T = unknown> {
  key: string;
  /** Record kind, e.g. "student", "absences"; selects the TTL. */
  kind: string;
  /** The pupil the record belongs to, if any; lets us purge a pupil's data when they leave. */
  studentId?: string;
  /** The guardian the record belongs to, if any (a guardian's own record); lets the retention purge find it. */
  guardianId?: string;
  value: T;
  /** When the value was fetched from the SIS (ISO). */
  storedAt: string;
}

export interface CacheRepo {
  get<T = unknown>(key: string): Promise<CacheEntry<T> | undefined>;
  /**
   * Like get(), without the copy: the store's own entry, deeply frozen and shared with every other
   * reader, for callers that only read (the SisService, on every page view). The same stored
   * version may come back as the same object, so a reader may remember what it derived from it by
   * identity; a set() puts a new object in its place. Optional: a store that cannot share leaves
   * it out and readers fall back to get().
   *
   * Staleness: memory and lowdb hold the entries themselves, so peek() is never behind. PostgreSQL
   * answers from a short per-instance memo (postgres/peek-memo.ts): this instance's own set,
   * delete, deleteBy… and purge show at once, another instance's within 2 s (PEEK_MEMO_TTL_MS).
   * Only for readers that may be that far behind another instance (a page showing SIS records,
   * which are minutes old anyway); get() always reads the store.
   */
  peek?<T = unknown>(key: string): Promise<CacheEntry<T> | undefined>;
  /** Creates or replaces; INVALID when storedAt is not a date. */
  set<T = unknown>(entry: CacheEntry<T>): Promise<void>;
  delete(key: string): Promise<void>;
  /** Removes every entry of one pupil; returns how many. */
  deleteByStudent(studentId: string): Promise<number>;
  /** Removes every entry of one guardian; returns how many. */
  deleteByGuardian(guardianId: string): Promise<number>;
  /** The pupils and guardians that have entries (each once, sorted): the retention purge's worklist. */
  owners(): Promise<{ studentIds: string[]; guardianIds: string[] }>;
  /** Removes entries stored before `before`; returns how many. */
  purgeOlderThan(before: Date): Promise<number>;
  count(): Promise<number>;
  /** Per record kind: how many, and the oldest and newest storedAt (for the status page). */
  statsByKind(): Promise<Array<{ kind: string; count: number; oldest: string; newest: string }>>;
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

/**
 * Kinds of audit record, for the audit search: 'view' (someone saw data: action "view"), 'denial'
 * (a refusal: action ending in ".refused" or ".denied"), 'staff' (a staff member's action other
 * than a view: actorKind "operator").
 */
export const AUDIT_KINDS = ['view', 'denial', 'staff'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditQuery {
  actor?: string;
  actorKind?: AuditRecord['actorKind'];
  studentId?: string;
  action?: string;
  section?: string;
  kind?: AuditKind;
  /** Records of one parent account: its own (actor) and staff actions on it (detail.account). */
  account?: string;
  /** Inclusive lower bound on `at` (ISO). */
  from?: string;
  /** Exclusive upper bound on `at` (ISO). */
  to?: string;
  /** At most this many (a positive integer); the newest are kept. */
  limit?: number;
  /** Skip this many of the newest matches first (paging; a non-negative integer). */
  offset?: number;
}

export interface AuditRepo {
  /** Append-only: DUPLICATE on a known id, INVALID when `at` is not a date. */
  append(record: AuditRecord): Promise<void>;
  /** Newest first (by `at`; equal times: last appended first). */
  query(q: AuditQuery): Promise<AuditRecord[]>;
  /** How many records match `q` (its limit and offset aside). */
  count(q: AuditQuery): Promise<number>;
  /** Retention: removes records before `before`; returns how many. */
  purgeOlderThan(before: Date): Promise<number>;
}

/**
 * A document several workers take turns on (an outbox item): 'pending' documents are due from
 * `nextAttemptAt`; a claim makes one 'delivering', held by `claimedBy` until `leaseUntil`. Any other
 * status is never claimed.
 */
export interface ClaimableDoc {
  id: string;
  status: string;
  /** ISO instant. */
  nextAttemptAt: string;
  /** The worker holding the claim (an instance id), set by claim(). */
  claimedBy?: string;
  /** ISO instant the claim runs out, set by claim(). */
  leaseUntil?: string;
}

export interface ClaimRequest {
  /** Who claims: unique per worker (per process, across instances). */
  owner: string;
  now: Date;
  /** The lease runs until now + leaseMs. */
  leaseMs: number;
  /** At most this many (a positive integer). */
  limit: number;
}

/** Generic key/value documents for kinds that come later (outbox, job runs, calendar history). */
export interface DocumentRepo<T extends { id: string }> {
  /** Creates or replaces by id; INVALID without a non-empty string id. */
  put(doc: T): Promise<void>;
  /**
   * Creates the document unless one with its id exists, as one atomic step: true when it was
   * created, false (nothing changed) when the id was taken — also by another instance at the same
   * moment. What makes a scheduled slot run once across instances (the claim row of gateway/jobs).
   */
  create(doc: T): Promise<boolean>;
  /**
   * For collections of ClaimableDoc: claims up to `limit` documents that are due at `now` — status
   * 'pending' with nextAttemptAt <= now, or 'delivering' whose lease has run out (its worker
   * stopped or lost it) — earliest nextAttemptAt first. Each comes back 'delivering', with
   * claimedBy = owner and leaseUntil = now + leaseMs, and is stored so. Claims made at the same
   * time, by this process or another on the same database, never return the same document.
   */
  claim(request: ClaimRequest): Promise<T[]>;
  /**
   * Replaces a claimed document only while `owner` holds a valid lease on it (claimedBy = owner,
   * leaseUntil > now): true when written; false when the lease ran out or another worker holds it
   * (nothing changed; that worker's word counts). The document written may end the claim (another
   * status) or keep it.
   */
  putClaimed(doc: T, owner: string, now: Date): Promise<boolean>;
  get(id: string): Promise<T | undefined>;
  /** In order of first put; the filter sees copies. */
  list(filter?: (doc: T) => boolean): Promise<T[]>;
  delete(id: string): Promise<void>;
}

/** Why the last write of a kind failed; no file names or paths (it is shown on pages). */
export interface StoreWriteFailure {
  /** The system's error code, e.g. ENOSPC (disk full), EROFS (read-only), EACCES, or EIO. */
  reason: string;
  /** When the first write of this run of failures failed (ISO). */
  since: string;
  /** When the latest write failed (ISO). */
  at: string;
}

export interface StoreKindHealth {
  kind: string;
  /**
   * True while changes to this kind are refused (UNAVAILABLE) because its writes fail; on
   * PostgreSQL, which refuses nothing, while the latest write of the kind failed.
   */
  failing: boolean;
  /** The last write failure, kept after recovery until the next failure replaces it. */
  lastError?: StoreWriteFailure;
  /** When this kind was last written successfully (ISO), if it was since open(). */
  lastWriteAt?: string;
}

export interface StoreHealth {
  /**
   * False while the store refuses changes (any lowdb kind failing): /readyz takes the instance out.
   * Always true on PostgreSQL: every instance shares the database, so taking one out helps nobody.
   */
  ok: boolean;
  /** Kinds that have been written or have failed since open(), by name. */
  kinds: StoreKindHealth[];
}

export interface Store {
  readonly kind: 'lowdb' | 'postgres' | 'memory';
  readonly accounts: AccountRepo;
  readonly sessions: SessionRepo;
  readonly cache: CacheRepo;
  readonly audit: AuditRepo;
  /**
   * A named collection of documents (e.g. "outbox", "jobRuns"). Names match COLLECTION_NAME and
   * are not one of the built-in kinds; anything else throws StoreError INVALID.
   */
  collection<T extends { id: string }>(name: string): DocumentRepo<T>;
  /** Takes the lock and loads data; fails with StoreError LOCKED when another process holds it. */
  open(): Promise<void>;
  /**
   * Resolves once every write made so far is durable on disk; rejects with UNAVAILABLE while any
   * kind's writes are failing (what was written to it since its last good write is rolled back).
   */
  flush(): Promise<void>;
  /** How the store's writes are going, per kind; cheap, never throws (for /beheer/status, /readyz). */
  health(): StoreHealth;
  /** Flushes and releases the lock. */
  close(): Promise<void>;
}

/** Letters, digits, '-' and '_', starting with a letter; one file per collection in the lowdb store. */
export const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
/** Names collections may not take: the built-in kinds. */
export const RESERVED_KINDS: readonly string[] = ['accounts', 'sessions', 'cache', 'audit'];

/** UNAVAILABLE: the store cannot persist that kind now (see health()); nothing was changed. */
export type StoreErrorCode = 'DUPLICATE' | 'NOT_FOUND' | 'LOCKED' | 'CORRUPT' | 'CLOSED' | 'INVALID' | 'UNAVAILABLE';

export class StoreError extends Error {
  constructor(readonly code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** Recognise store errors by code, not by class (STYLE: errors are recognised by code). */
export function isStoreError(err: unknown, code?: StoreErrorCode): err is StoreError {
  if (!(err instanceof Error) || err.name !== 'StoreError') return false;
  return code === undefined || (err as StoreError).code === code;
}
