/** A string field of a posted form, cut to `max` characters; anything else reads as ''. */
export function bodyField(body: unknown, name: string, max: number): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, max) : '';
}
