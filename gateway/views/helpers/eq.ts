/**
 * `{{#if (eq nav "help")}}aria-current="page"{{/if}}`
 *
 * Strict equality of two values, for conditions in templates.
 */
export function eq(a: unknown, b: unknown): boolean {
  return a === b;
}
