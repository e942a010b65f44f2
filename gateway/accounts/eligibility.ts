/**
 * Who gets an account (DESIGN §4, DOMAIN §5): a guardian with gezag over at least one child and an
 * e-mail address to send the invitation to. A guardian without gezag gets none by default.
 */
import type { Guardian } from '../../adapters/contract/index.ts';

export function hasGezag(guardian: Guardian): boolean {
  return guardian.children.some((link) => link.gezag);
}

/** The address the invitation goes to: the guardian's own e-mail (secret or not: it is theirs). */
export function invitationEmail(guardian: Guardian): string | undefined {
  return guardian.contacts.find((c) => c.kind === 'email' && c.value.includes('@'))?.value;
}

export function isEligible(guardian: Guardian): boolean {
  return hasGezag(guardian) && invitationEmail(guardian) !== undefined;
}

/** The children over whom the guardian has gezag, sorted (what an account may see). */
export function gezagStudentIds(guardian: Guardian): string[] {
  return [...new Set(guardian.children.filter((link) => link.gezag).map((link) => link.studentId))].sort();
}
