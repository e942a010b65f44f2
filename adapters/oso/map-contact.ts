/**
 * OSO `adreslijst` and `communicatielijst` → the contract's Address and ContactPoint, with the
 * secret flags: `adresgeheim` for an address, `geheim` for a number or e-mail address, and the
 * placeholders OSO writes in place of a secret value (`geheim@geheim.geheim`, `9999999999`),
 * which count as secret whatever the flag says.
 */
import type { Address, ContactPoint } from '../contract/index.ts';
import { attribute, bool, children, child, text, type XmlNode } from './oso-xml.ts';

/** GBA country code of the Netherlands (landentabel 34). */
const GBA_NETHERLANDS = '6030';

/** Which of a person's addresses is "the" address: where they live before where post goes. */
const ADDRESS_PREFERENCE = ['bezoek', 'gba', 'post'];

export function isSecretPlaceholder(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v === 'geheim@geheim.geheim' || v.replace(/[\s\-().]/g, '') === '9999999999';
}

/** "7311BA" → "7311 BA"; anything that is not a Dutch postcode stays as written. */
export function normalisePostcode(raw: string): string {
  const m = /^([1-9]\d{3})\s*([a-zA-Z]{2})$/.exec(raw.trim());
  return m ? `${m[1]} ${m[2]!.toUpperCase()}` : raw.trim();
}

/** "136" + "a" → "136a"; "52-54" + "bis" → "52-54 bis". */
function houseNumber(nummer: string, toevoeging: string | undefined): string {
  if (!toevoeging) return nummer;
  return /^[a-zA-Z]$/.test(toevoeging) && /\d$/.test(nummer) ? `${nummer}${toevoeging}` : `${nummer} ${toevoeging}`;
}

function country(adres: XmlNode): string | undefined {
  const code = text(adres, 'land');
  if (code === undefined) return undefined;
  // The code decides: the example dossiers pair 6030 with a free description.
  if (code === GBA_NETHERLANDS) return 'NL';
  return attribute(adres, 'land', 'omschrijving') ?? `GBA ${code}`;
}

function mapAddress(adres: XmlNode, secret: boolean): Address | undefined {
  const street = text(adres, 'straat');
  const nummer = text(adres, 'nummer');
  const postcode = text(adres, 'postcode');
  const city = text(adres, 'plaats');
  if (!street || !nummer || !postcode || !city) return undefined;
  const address: Address = { street, houseNumber: houseNumber(nummer, text(adres, 'toevoeging')), postcode: normalisePostcode(postcode), city, secret };
  const land = country(adres);
  if (land !== undefined) address.country = land;
  return address;
}

/** A comparable key for "same dwelling": postcode, number and addition, case and spaces ignored. */
function dwellingKey(adres: XmlNode): string | undefined {
  const postcode = text(adres, 'postcode');
  const nummer = text(adres, 'nummer');
  if (!postcode || !nummer) return undefined;
  const squash = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  return `${squash(postcode)}|${squash(nummer)}|${squash(text(adres, 'toevoeging') ?? '')}`;
}

export interface MappedAddresses {
  address?: Address;
  /** Where the person lives (every address but a postal one), for the lives-with rule. */
  dwellingKeys: string[];
}

/** A person's (leerling or verzorger) addresses: the preferred one, and where they live. */
export function mapAddresses(person: XmlNode): MappedAddresses {
  const secret = bool(person, 'adresgeheim') === true;
  const all = children(child(person, 'adreslijst'), 'adres');
  const rank = (a: XmlNode) => {
    const i = ADDRESS_PREFERENCE.indexOf(text(a, 'soortadres')?.toLowerCase() ?? '');
    return i < 0 ? ADDRESS_PREFERENCE.length : i;
  };
  const preferred = [...all].sort((a, b) => rank(a) - rank(b)).map((a) => mapAddress(a, secret)).find((a) => a !== undefined);
  const dwellingKeys = all
    .filter((a) => text(a, 'soortadres')?.toLowerCase() !== 'post')
    .map(dwellingKey)
    .filter((k): k is string => k !== undefined);
  return { ...(preferred && { address: preferred }), dwellingKeys };
}

function contactKind(soort: string | undefined): ContactPoint['kind'] | undefined {
  const s = soort?.toLowerCase().replace(/[\s-]/g, '') ?? '';
  if (s.includes('mail')) return 'email';
  if (['telefoon', 'mobiel', 'mobile', 'gsm', 'phone', 'tel'].includes(s)) return 'phone';
  // Fax and the like: nothing a parent portal shows or a parent corrects.
  return undefined;
}

/** A person's phone numbers and e-mail addresses, in dossier order. */
export function mapContacts(person: XmlNode): ContactPoint[] {
  const contacts: ContactPoint[] = [];
  for (const c of children(child(person, 'communicatielijst'), 'communicatie')) {
    const kind = contactKind(text(c, 'soort'));
    const value = text(c, 'nummer');
    if (!kind || !value) continue;
    const point: ContactPoint = {
      kind,
      value,
      secret: bool(c, 'geheim') === true || isSecretPlaceholder(value),
      emergency: bool(c, 'noodnummer') === true,
    };
    const label = text(c, 'aanduiding');
    if (label) point.label = label;
    contacts.push(point);
  }
  return contacts;
}
