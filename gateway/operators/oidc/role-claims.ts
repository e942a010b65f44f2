/**
 * Staff roles from the identity provider's claim (`operators.oidc.roleClaim`, e.g. `groups` in
 * Entra ID or `roles` for app roles), mapped by `operators.oidc.roleMapping`. A claim value the
 * mapping does not name gives nothing: the portal never trusts a role name the IdP made up.
 */
import { STAFF_ROLES, type StaffRole } from '../roles.ts';

export type RoleMapping = Readonly<Record<StaffRole, readonly string[]>>;

/** The claim's values: a string, a list of strings, or a space-separated string (some IdPs). */
function claimValues(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

export function rolesFromClaims(claims: Record<string, unknown>, roleClaim: string, mapping: RoleMapping): StaffRole[] {
  const values = new Set(claimValues(claims[roleClaim]));
  return STAFF_ROLES.filter((role) => mapping[role].some((v) => values.has(v)));
}
