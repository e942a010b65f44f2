/**
 * Unicode handling shared by the password rules, hashing and blocklist matching.
 *
 * NIST SP 800-63B-4 asks verifiers to normalise passwords (NFKC or NFKD) before hashing, so a
 * password typed on a phone and on a laptop (composed vs decomposed "é", full-width digits) is the
 * same password; and to count length in characters, which for us means Unicode code points.
 */

/** The form a password is hashed, verified and measured in. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Length in code points, so an emoji or a non-Latin letter counts as one character. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/**
 * A case- and accent-free form for comparing against word lists only (never for hashing):
 * "Één Café" → "een cafe".
 */
export function foldForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC');
}

/** Folded and reduced to letters and digits: "J.de-Vries" → "jdevries". */
export function compactForMatching(text: string): string {
  return foldForMatching(text).replace(/[^\p{L}\p{N}]+/gu, '');
}
