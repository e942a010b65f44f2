/**
 * Limited access for a guardian without gezag (DOMAIN §5, art. 1:377c BW): an operator grants it
 * with the portal sections it covers, a reason and an end date. The account then has scope
 * 'limited' and this grant; outside the listed sections, and after `until`, it sees nothing.
 */
export interface AccessGrant {
  /** Portal sections (gateway/policy/vocabulary.ts, plus any a feature adds) this grant covers. */
  sections: string[];
  /** The last local day of the grant (YYYY-MM-DD, Europe/Amsterdam). */
  until: string;
  reason: string;
  /** The staff member who granted it, and when (ISO). */
  grantedBy: string;
  grantedAt: string;
}

/** Whether a viewer of this scope and grant may see `section` on `localDay` (YYYY-MM-DD). */
export function grantAllows(
  viewer: { scope: 'full' | 'limited'; grant?: AccessGrant }, section: string, localDay: string,
): boolean {
  if (viewer.scope === 'full') return true;
  const grant = viewer.grant;
  return grant !== undefined && localDay <= grant.until && grant.sections.includes(section);
}
