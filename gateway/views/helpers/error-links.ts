/**
 * `{{#each (errorLinks errors "newPassword:firstLogin.newPassword:password confirmPassword:firstLogin.confirmPassword")}}`
 * `{{#each (errorLinks errors groups)}}` (a form built from groups of inputs: `[{ inputs: [{ name, labelKey }] }]`)
 *
 * The lines of an error summary (the GOV.UK pattern): one per field with errors, in the form's
 * order, with the field's label and its messages, linking to `#field-<name>` (form-field.hbs).
 * A third part names the limits the messages' {min}/{max} come from, as the field passes them:
 * `password` → limit "password.min"/"password.max" (limit.ts), `reauth` → the re-authentication
 * window in minutes. Errors of the whole form (`errors.form`) are the partial's own lines.
 */
import type { HelperOptions } from 'handlebars';
import { limit } from './limit.ts';
export interface ErrorLink {
  href: string;
  labelKey: string;
  messages: string[];
  min?: number;
  max?: number;
}

type Labels = Array<[name: string, labelKey: string, limits?: string]>;

function labelsFrom(spec: unknown): Labels {
  if (typeof spec === 'string') {
    return spec.split(/\s+/).filter(Boolean).map((pair) => {
      const [name = '', labelKey = '', limits] = pair.split(':');
      return [name, labelKey, limits];
    });
  }
  if (Array.isArray(spec)) {
    return spec.flatMap((group: { inputs?: Array<{ name?: unknown; labelKey?: unknown }> }) => (group.inputs ?? [])
      .filter((i) => typeof i.name === 'string' && typeof i.labelKey === 'string')
      .map((i): [string, string] => [i.name as string, i.labelKey as string]));
  }
  return [];
}

function limitsOf(family: string | undefined, options: HelperOptions): { min?: number; max?: number } {
  if (family === 'reauth') {
    const minutes = (options.data as { root?: { reauthMinutes?: unknown } } | undefined)?.root?.reauthMinutes;
    return typeof minutes === 'number' ? { min: minutes } : {};
  }
  if (!family) return {};
  const min = limit(`${family}.min`);
  const max = limit(`${family}.max`);
  return { ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
}

export function errorLinks(errors: unknown, labels: unknown, options: HelperOptions): ErrorLink[] {
  if (errors === null || typeof errors !== 'object') return [];
  const byField = errors as Record<string, unknown>;
  return labelsFrom(labels)
    .filter(([name]) => Array.isArray(byField[name]) && (byField[name] as unknown[]).length > 0)
    .map(([name, labelKey, family]) => ({
      href: `#field-${name}`,
      labelKey,
      messages: (byField[name] as unknown[]).filter((m): m is string => typeof m === 'string'),
      ...limitsOf(family, options),
    }));
}
