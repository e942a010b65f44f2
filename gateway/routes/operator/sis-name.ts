/** A person's display name from the SIS for a staff page, or "—" for someone the SIS no longer knows. */
import { isSisError, type PersonName } from '../../../adapters/contract/index.ts';
import { displayName } from '../parent/view-models/person-name.ts';

export async function sisNameOrDash(fetch: () => Promise<{ value: { name: PersonName } }>): Promise<string> {
  try {
    return displayName((await fetch()).value.name);
  } catch (err) {
    if (isSisError(err, 'SIS_NOT_FOUND')) return '—';
    throw err;
  }
}
