/**
 * How parents reach the school's office, as every page shows it: beside each "contact the
 * administration" message, on the help page and in the footer. From config `school.contact`
 * and `school.supportEmail`; nothing configured gives no contact block at all.
 */
import type { Config } from '../config/index.ts';

export interface SchoolContactView {
  address?: string;
  phone?: string;
  /** The number as a `tel:` link wants it: digits and a leading +, nothing else. */
  phoneHref?: string;
  email?: string;
  /** Opening hours of the office, in both languages; the page picks its own. */
  hours?: { nl: string; en: string };
}

/** A phone number as a `tel:` link wants it: digits and a leading +, nothing else. */
export function telHref(phone: string): string {
  return phone.replace(/[^+0-9]/g, '');
}

export function schoolContactView(school: Pick<Config['school'], 'contact' | 'supportEmail'>): SchoolContactView | undefined {
  const { address, phone, hours } = school.contact ?? {};
  const email = school.supportEmail;
  if (!address && !phone && !hours && !email) return undefined;
  return {
    ...(address && { address }),
    ...(phone && { phone, phoneHref: telHref(phone) }),
    ...(email && { email }),
    ...(hours && { hours: { nl: hours.nl, en: hours.en } }),
  };
}
