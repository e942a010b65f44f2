/**
 * Staff roles (DESIGN §4): `administratie` works parents' corrections, accounts and invitations;
 * `directie` (the head) decides parents' leave requests; `beheer` does all of that and also runs
 * the portal (calendar, status, audit). A role a staff
 * member does not have is refused on the server for every route that needs it.
 */
export const STAFF_ROLES = ['administratie', 'beheer', 'directie'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What each role may do beyond itself: beheer includes administratie. */
const INCLUDES: Record<StaffRole, readonly StaffRole[]> = {
  administratie: ['administratie'],
  beheer: ['beheer', 'administratie', 'directie'],
  directie: ['directie'],
};

export function hasRole(roles: readonly StaffRole[] | undefined, needed: StaffRole): boolean {
  return (roles ?? []).some((role) => INCLUDES[role].includes(needed));
}
