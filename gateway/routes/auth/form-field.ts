/** A string field of a posted form ('' when absent or not a string). */
export function formField(body: unknown, name: string, maxLength = 1000): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, maxLength) : '';
}

/** A plausible e-mail address: something@domain.tld, no spaces, at most 254 characters. */
export function looksLikeEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
