/**
 * The staff members the portal has seen: the local (config) accounts and everyone who logged in
 * through the identity provider, recorded at each login in the store's "staff" collection
 * (id = staffIdOf(issuer, subject)). The audit search lists them by name; the role of a staff
 * member from the IdP is never taken from here, only from their login's ID token.
 */
import type { Store } from '../store/types.ts';
import type { StaffIdentity } from './oidc/staff-oidc.ts';
import type { OperatorDirectory } from './operator-directory.ts';
import type { StaffRole } from './roles.ts';

export interface StaffMember {
  id: string;
  name: string;
  via: 'local' | 'oidc';
  issuer?: string;
  subject?: string;
  /** The roles of their latest login. */
  roles: StaffRole[];
  firstLoginAt?: string;
  lastLoginAt?: string;
}

const COLLECTION = 'staff';

export async function recordStaffLogin(store: Pick<Store, 'collection'>, identity: StaffIdentity, now: Date): Promise<void> {
  const staff = store.collection<StaffMember>(COLLECTION);
  const before = await staff.get(identity.id);
  await staff.put({
    id: identity.id, name: identity.name, via: 'oidc', issuer: identity.issuer, subject: identity.subject, roles: identity.roles,
    firstLoginAt: before?.firstLoginAt ?? now.toISOString(), lastLoginAt: now.toISOString(),
  });
}

/** Local accounts first, then the IdP's staff by name. */
export async function listStaff(store: Pick<Store, 'collection'>, operators: OperatorDirectory): Promise<StaffMember[]> {
  const local: StaffMember[] = operators.list().map((o) => ({ id: o.username, name: o.name, via: 'local', roles: o.roles }));
  const fromIdp = (await store.collection<StaffMember>(COLLECTION).list()).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return [...local, ...fromIdp];
}
