/** The child overview: personalia, address, contacts and guardians — from the privacy filter only. */
import type { VisibleChild } from '../../../privacy/visible.ts';
import { addressView, contactView, type AddressView, type ContactView } from './contact-display.ts';
import { displayName, officialName } from './person-name.ts';

export interface GuardianView {
  name: string;
  relationKey: string;
  isViewer: boolean;
  gezag: boolean;
  address?: AddressView;
  contacts: ContactView[];
  /** Nothing to show beyond the name: the template says so instead of showing empty lists. */
  noContactData: boolean;
}

export interface ChildOverview {
  officialName?: string;
  /** How many voornamen the official name has: "Officiële naam" for one, "namen" for more. */
  officialNameCount?: number;
  birthDate: string;
  enrolledFrom: string;
  address?: AddressView;
  contacts: ContactView[];
  emergencyContacts: ContactView[];
  limited: boolean;
  guardians: GuardianView[];
}

export function childOverview(child: VisibleChild): ChildOverview {
  const official = officialName(child.name);
  return {
    officialName: official,
    ...(official && child.name.firstNames && { officialNameCount: child.name.firstNames.trim().split(/\s+/).length }),
    birthDate: child.birthDate,
    enrolledFrom: child.enrolledFrom,
    address: child.address ? addressView(child.address) : undefined,
    contacts: child.contacts.map(contactView),
    emergencyContacts: child.emergencyContacts.map(contactView),
    limited: child.limited,
    guardians: child.guardians.map((g) => ({
      name: displayName(g.name),
      relationKey: `relation.${g.relation}`,
      isViewer: g.isViewer,
      gezag: g.gezag,
      address: g.address ? addressView(g.address) : undefined,
      contacts: g.contacts.map(contactView),
      noContactData: !g.address && g.contacts.length === 0,
    })),
  };
}
