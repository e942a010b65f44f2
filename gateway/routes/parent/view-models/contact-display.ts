/** Addresses and contact points shaped for the templates (already filtered by gateway/privacy). */
import type { ShownAddress, ShownContact } from '../../../privacy/visible.ts';
import { telHref } from '../../../school/contact-view.ts';

export interface AddressView {
  lines: string[];
  secret: boolean;
}

export interface ContactView {
  kindKey: string;
  value: string;
  label?: string;
  /** tel: or mailto: link, so a phone number is one tap away. */
  href?: string;
  secret: boolean;
}

export function addressView(address: ShownAddress): AddressView {
  const lines = [
    `${address.street} ${address.houseNumber}`.trim(),
    `${address.postcode} ${address.city}`.trim(),
  ];
  if (address.country && !/^(nl|nederland|the netherlands|netherlands)$/i.test(address.country.trim())) {
    lines.push(address.country);
  }
  return { lines: lines.filter(Boolean), secret: address.secret };
}

const EMAIL = /^[^\s@"<>()]+@[^\s@"<>()]+\.[^\s@"<>()]+$/;

function hrefOf(contact: ShownContact): string | undefined {
  if (contact.kind === 'phone') {
    const digits = telHref(contact.value);
    return digits.length >= 6 ? `tel:${digits}` : undefined;
  }
  return EMAIL.test(contact.value) ? `mailto:${contact.value}` : undefined;
}

export function contactView(contact: ShownContact): ContactView {
  return {
    kindKey: `contact.kind.${contact.kind}`,
    value: contact.value,
    label: contact.label,
    href: hrefOf(contact),
    secret: contact.secret,
  };
}
