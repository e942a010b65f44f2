/**
 * Dutch validation of what parents type: postcode "1234 AB", house numbers with additions, phone
 * numbers (Dutch and international), e-mail. Each checker returns the normalised value or the
 * message key of what is wrong; the message keys live in gateway/i18n/areas/changes.json.
 */

export type Checked = { ok: true; value: string } | { ok: false; error: string };

const ok = (value: string): Checked => ({ ok: true, value });
const fail = (error: string): Checked => ({ ok: false, error });

/** Collapses runs of whitespace and trims; NFC so "é" typed two ways compares equal. */
export function tidy(input: string): string {
  return input.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Four digits (not starting with 0) and two letters; PostNL never issues the letter pairs SA, SD
 * and SS. Accepts "1234ab", "1234 AB", "1234  ab"; returns "1234 AB".
 */
export function checkPostcode(input: string): Checked {
  const match = /^([1-9]\d{3})\s*([a-zA-Z]{2})$/.exec(tidy(input));
  if (!match?.[1] || !match[2]) return fail('changes.errors.postcode');
  const letters = match[2].toUpperCase();
  if (['SA', 'SD', 'SS'].includes(letters)) return fail('changes.errors.postcode');
  return ok(`${match[1]} ${letters}`);
}

/** A number with an optional addition: "12", "12a", "12 A", "12-2", "12 bis", "12 hs". */
export function checkHouseNumber(input: string): Checked {
  const value = tidy(input);
  // A letter addition may follow the number directly ("12a"); a number needs a separator ("12-2").
  const match = /^([1-9]\d{0,4})(?:\s?[-/]?\s?([a-zA-Z][a-zA-Z0-9]{0,5})|\s?[-/ ]\s?(\d{1,4}))?$/.exec(value);
  if (!match?.[1]) return fail('changes.errors.houseNumber');
  const addition = match[2] ?? match[3];
  if (!addition) return ok(match[1]);
  // A letter right after the number is written "12a"; anything else keeps a separator.
  return ok(/^[a-zA-Z]$/.test(addition) ? `${match[1]}${addition.toLowerCase()}` : `${match[1]}-${addition}`);
}

/**
 * Names of streets, places and people: letters with the usual punctuation, no digits-only junk.
 * A leading apostrophe is Dutch ("'s-Gravenhage", "'t Zand").
 */
export function checkName(input: string, max: number): Checked {
  const value = tidy(input);
  if (value.length > max) return fail('changes.errors.tooLong');
  if (!/^(?:['’][st][ -])?[\p{L}][\p{L}\p{M}0-9 .'’\-()/&,]*$/u.test(value)) return fail('changes.errors.name');
  return ok(value);
}

/**
 * Dutch numbers (10 digits from 0, or +31 / 0031 and 9 digits) and international ones (+ and
 * 8–15 digits, E.164). Spaces, dashes, dots and brackets are ignored, "(0)" after a country code
 * too. Dutch mobile numbers come back as "06 12345678", other Dutch numbers as ten digits,
 * international ones as "+<digits>".
 */
export function checkPhone(input: string): Checked {
  const compact = tidy(input).replace(/\(0\)/g, '').replace(/[\s.\-()]/g, '');
  let national: string | undefined;
  if (/^0[1-9]\d{8}$/.test(compact)) national = compact;
  else if (/^(?:\+31|0031)[1-9]\d{8}$/.test(compact)) national = `0${compact.slice(-9)}`;
  if (national) return ok(national.startsWith('06') ? `06 ${national.slice(2)}` : national);
  const international = compact.replace(/^00/, '+');
  if (/^\+[1-9]\d{7,14}$/.test(international)) return ok(international);
  return fail('changes.errors.phone');
}

/** Digits only, with a Dutch "0" for +31: to tell whether a number really changed. */
export function phoneKey(value: string): string {
  const compact = value.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
  return compact.replace(/^(?:\+31|0031)/, '0');
}

/**
 * A practical e-mail check (not RFC 5322 in full): one "@", a local part without spaces, a
 * domain of dot-separated labels ending in a letter TLD. Lower-cases the domain only.
 */
export function checkEmail(input: string): Checked {
  const value = input.trim();
  if (value.length > 254) return fail('changes.errors.tooLong');
  const match = /^([^\s@"(),:;<>[\]\\]{1,64})@((?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63})$/.exec(value);
  if (!match?.[1] || !match[2] || match[1].startsWith('.') || match[1].endsWith('.') || match[1].includes('..')) {
    return fail('changes.errors.email');
  }
  return ok(`${match[1]}@${match[2].toLowerCase()}`);
}
