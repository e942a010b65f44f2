/** How names read on the pages: "Sanne van der Berg" (roepnaam, tussenvoegsel, achternaam). */
import type { PersonName } from '../../../../adapters/contract/index.ts';

export function displayName(name: PersonName): string {
  return [name.given, name.prefix, name.family].filter((part) => part && part.trim()).join(' ');
}

/** The official names (voornamen), when the SIS gives them and they differ from the roepnaam. */
export function officialName(name: PersonName): string | undefined {
  if (!name.firstNames || name.firstNames.trim() === name.given.trim()) return undefined;
  return [name.firstNames, name.prefix, name.family].filter((part) => part && part.trim()).join(' ');
}
