/**
 * `{{t (concat "changes.status." status)}}`
 *
 * Joins strings, for a catalog key built from a value (a status, a section, a contact kind).
 * Handlebars passes its options object last; it is left out.
 */
export function concat(...parts: unknown[]): string {
  return parts.slice(0, -1).map((p) => String(p ?? '')).join('');
}
