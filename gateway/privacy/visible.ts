/**
 * What a parent may see of a child and the child's guardians. This is the one place privacy is
 * decided: routes build pages only from what these functions return, never from raw SIS records.
 *
 * Rules (DOMAIN.md §5):
 * - a 'full' account sees the children it has gezag over; a 'limited' account (granted by an
 *   operator) sees the children it is linked to;
 * - the child's address and contacts: a secret one only to a guardian the child lives with;
 *   a 'limited' viewer sees none of them (emergency contacts included);
 * - another guardian's secret address, phone or e-mail: never shown to anyone but that guardian;
 *   a 'limited' viewer sees no contact data of other guardians at all;
 * - the viewer always sees their own values, secret or not (marked secret, so the page can say so);
 * - OSO's stand-ins for withheld values (geheim@geheim.geheim, 9999999999) are dropped for everyone.
 * - defence in depth: a child's value that equals another guardian's secret value is treated as
 *   secret too, even when the SIS forgot to flag the child's copy (a common slip with separated parents).
 */
import type {
  Address, ContactPoint, Group, Guardian, GuardianChildLink, PersonName, Relation, Student,
} from '../../adapters/contract/index.ts';

export interface Viewer {
  guardianId: string;
  scope: 'full' | 'limited';
}

export type ShownAddress = Address;
export type ShownContact = ContactPoint;

export interface VisibleGuardian {
  isViewer: boolean;
  name: PersonName;
  relation: Relation;
  gezag: boolean;
  address?: ShownAddress;
  contacts: ShownContact[];
}

/** What every viewer entitled to the child sees on cards and headers: name, group, teachers. */
export interface ChildSummary {
  studentId: string;
  name: PersonName;
  /** Absent before the pupil's placement starts: the page says there is no group yet. */
  group?: Group;
  jaargroep?: number;
  teachers: PersonName[];
}

export interface VisibleChild extends ChildSummary {
  birthDate: string;
  enrolledFrom: string;
  address?: ShownAddress;
  /**
   * The child has an address the viewer may not see (secret, or a limited account). For the
   * gateway's own decisions only (which corrections to offer): a page never tells the viewer.
   */
  addressHidden: boolean;
  contacts: ShownContact[];
  emergencyContacts: ShownContact[];
  /** The child has an emergency contact the viewer may not see (as addressHidden: never shown). */
  emergencyHidden: boolean;
  /** Contact data is left out because of the viewer's limited scope (the page explains why). */
  limited: boolean;
  guardians: VisibleGuardian[];
}

const SECRET_STAND_INS = new Set(['geheim@geheim.geheim', '9999999999']);

function isStandIn(contact: ContactPoint): boolean {
  return SECRET_STAND_INS.has(contact.value.trim().toLowerCase());
}

function addressKey(address: Address): string {
  return `${address.postcode.replace(/\s+/g, '').toUpperCase()}|${address.houseNumber.replace(/\s+/g, '').toLowerCase()}`;
}

function contactKey(contact: ContactPoint): string {
  const value = contact.value.trim().toLowerCase();
  return contact.kind === 'phone' ? `phone|${value.replace(/[^\d+]/g, '')}` : `email|${value}`;
}

/** Addresses and contact values other guardians keep secret. */
function secretsOfOthers(viewer: Viewer, guardians: Guardian[]): Set<string> {
  const secrets = new Set<string>();
  for (const g of guardians) {
    if (g.id === viewer.guardianId) continue;
    if (g.address?.secret) secrets.add(addressKey(g.address));
    for (const c of g.contacts) if (c.secret) secrets.add(contactKey(c));
  }
  return secrets;
}

/** The child links that make a child "this parent's child" in the portal. */
export function visibleChildLinks(guardian: Guardian, scope: Viewer['scope']): GuardianChildLink[] {
  return guardian.children.filter((link) => scope === 'limited' || link.gezag);
}

export function childSummary(student: Student): ChildSummary {
  return {
    studentId: student.id,
    name: { ...student.name },
    ...(student.group && { group: { ...student.group, jaargroepen: [...student.group.jaargroepen] } }),
    ...(student.jaargroep !== undefined && { jaargroep: student.jaargroep }),
    teachers: student.teachers.map((teacher) => ({ ...teacher.name })),
  };
}

function copyAddress(address: Address): ShownAddress {
  return { ...address };
}

function copyContacts(contacts: ContactPoint[], keep: (c: ContactPoint) => boolean): ShownContact[] {
  return contacts.filter((c) => !isStandIn(c) && keep(c)).map((c) => ({ ...c }));
}

/** The viewer's own record: everything, secret values included. */
function ownGuardian(guardian: Guardian, link: GuardianChildLink | undefined): VisibleGuardian {
  return {
    isViewer: true,
    name: { ...guardian.name },
    relation: link?.relation ?? 'other',
    gezag: link?.gezag ?? false,
    address: guardian.address ? copyAddress(guardian.address) : undefined,
    contacts: copyContacts(guardian.contacts, () => true),
  };
}

/** Another guardian: non-secret values for a full viewer, no contact data for a limited one. */
function otherGuardian(viewer: Viewer, guardian: Guardian, studentId: string): VisibleGuardian {
  const link = guardian.children.find((l) => l.studentId === studentId);
  const full = viewer.scope === 'full';
  return {
    isViewer: false,
    name: { ...guardian.name },
    relation: link?.relation ?? 'other',
    gezag: link?.gezag ?? false,
    address: full && guardian.address && !guardian.address.secret ? copyAddress(guardian.address) : undefined,
    contacts: full ? copyContacts(guardian.contacts, (c) => !c.secret) : [],
  };
}

export interface VisibleChildInput {
  viewer: Viewer;
  /** The viewer's own guardian record (authoritative for their link to this child). */
  viewerGuardian: Guardian;
  student: Student;
  /** The child's guardians as the SIS lists them (may or may not include the viewer). */
  guardians: Guardian[];
}

export function visibleChild({ viewer, viewerGuardian, student, guardians }: VisibleChildInput): VisibleChild {
  const viewerLink = viewerGuardian.children.find((l) => l.studentId === student.id);
  const limited = viewer.scope === 'limited';
  const livesWith = viewerLink?.livesWith === true;
  // The child's secret values go only to a guardian the child lives with; nothing to a limited account.
  const maySee = (secret: boolean): boolean => !limited && (!secret || livesWith);
  const othersSecrets = secretsOfOthers(viewer, guardians);

  // A value that is secret in effect (flagged, or another guardian's secret) is shown marked secret.
  const addressSecret = student.address !== undefined && (student.address.secret || othersSecrets.has(addressKey(student.address)));
  const address = student.address && maySee(addressSecret) ? { ...copyAddress(student.address), secret: addressSecret } : undefined;
  const contactSecret = (c: ContactPoint) => c.secret || othersSecrets.has(contactKey(c));
  const contacts = copyContacts(student.contacts, (c) => maySee(contactSecret(c))).map((c) => ({ ...c, secret: contactSecret(c) }));
  const emergencyKnown = student.contacts.filter((c) => c.emergency).length;
  const others = guardians
    .filter((g) => g.id !== viewer.guardianId)
    .map((g) => otherGuardian(viewer, g, student.id));

  return {
    ...childSummary(student),
    birthDate: student.birthDate,
    enrolledFrom: student.enrolment.from,
    address,
    addressHidden: student.address !== undefined && address === undefined,
    contacts: contacts.filter((c) => !c.emergency),
    emergencyContacts: contacts.filter((c) => c.emergency),
    emergencyHidden: contacts.filter((c) => c.emergency).length < emergencyKnown,
    limited,
    guardians: [ownGuardian(viewerGuardian, viewerLink), ...others],
  };
}
