import type { Account, AuditRecord, CacheEntry, SessionRecord } from '../../../gateway/store/types.ts';

/** Small record builders; every test overrides only what it is about. */
export function account(overrides: Partial<Account> & { id: string }): Account {
  return {
    guardianId: `guardian-${overrides.id}`,
    username: `user-${overrides.id}`,
    mustChangePassword: true,
    status: 'active',
    scope: 'full',
    createdAt: '2025-08-01T08:00:00.000Z',
    updatedAt: '2025-08-01T08:00:00.000Z',
    ...overrides,
  };
}

export function session(overrides: Partial<SessionRecord> & { sid: string }): SessionRecord {
  return { data: { csrf: `token-${overrides.sid}` }, expiresAt: '2025-09-01T12:00:00.000Z', ...overrides };
}

export function cacheEntry(overrides: Partial<CacheEntry> & { key: string }): CacheEntry {
  return { kind: 'student', value: { name: 'Noor' }, storedAt: '2025-09-01T08:00:00.000Z', ...overrides };
}

export function auditRecord(overrides: Partial<AuditRecord> & { id: string; at: string }): AuditRecord {
  return { actor: 'account-1', actorKind: 'parent', action: 'view', ...overrides };
}
