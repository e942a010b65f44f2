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

/**
 * The sections a limited account may see today, or undefined when it may see nothing at all (no
 * grant, or its last day has passed): the login then no longer counts. A full account: 'all'.
 */
export function sectionsGranted(
  account: { scope: 'full' | 'limited'; grant?: AccessGrant }, localDay: string,
): 'all' | string[] | undefined {
  if (account.scope === 'full') return 'all';
  const grant = account.grant;
  return grant && localDay <= grant.until ? [...grant.sections] : undefined;
}

/** Why a section is closed to a limited account, shown on the closed page. */
export const NOT_GRANTED_REASON = {
  nl: 'Dit onderdeel valt niet onder de toegang die de school u heeft gegeven.',
  en: 'This part is not included in the access the school has given you.',
} as const;
