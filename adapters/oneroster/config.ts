/**
 * The OneRoster 1.2 adapter's config section. What OneRoster cannot carry — gezag, secret flags,
 * addresses, Dutch absences — is set here explicitly, with the safe choice as default.
 */
import { z } from 'zod';

export const ONEROSTER_CAPABILITIES = ['students', 'guardians', 'results.method'] as const;

const jaargroep = z.int().min(1).max(8);
const DEFAULT_GRADES = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`0${i + 1}`, i + 1]));

export const oneRosterConfigSchema = z.strictObject({
  /** Base URL up to and including `/ims/oneroster`; the adapter adds `/rostering/v1p2/…` and `/gradebook/v1p2/…`. */
  baseUrl: z.url().transform((u) => u.replace(/\/+$/, '')),
  /** OAuth 2.0 token endpoint (client credentials). */
  tokenUrl: z.url(),
  clientId: z.string().trim().min(1),
  /** Secret: write `clientSecret: !env ONEROSTER_CLIENT_SECRET`. */
  clientSecret: z.string().min(1),
  scope: z.string().default('https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly https://purl.imsglobal.org/spec/or/v1p2/scope/gradebook.readonly'),
  /** The school (org sourcedId) out of a provider that serves a whole board. */
  orgSourcedId: z.string().trim().min(1),
  /** `limit` per request. */
  limit: z.int().min(1).max(1000).default(100),
  pageSize: z.int().min(1).max(1000).default(100),
  timeoutMs: z.int().min(100).max(120_000).default(15_000),
  /** Keep the roster this long (ms, by the injected clock) so reading 200 pupils is one round of requests. */
  cacheMs: z.int().min(0).max(3_600_000).default(60_000),
  /** OneRoster `grades` value → jaargroep; a grade not listed gives no jaargroep. */
  grades: z.record(z.string(), jaargroep).default(DEFAULT_GRADES),
  /** lineItem category (sourcedId or title) → subject; unlisted categories keep their title. */
  categories: z.record(z.string(), z.string().min(1)).default({}),
  /**
   * OneRoster has no gezag. `none` (default): no guardian has gezag, so nobody gets an account
   * until an operator grants one. `agents`: every parent/guardian linked by `agents` has gezag —
   * only when the school's SIS exports exactly the parents with gezag.
   */
  gezag: z.enum(['none', 'agents']).default('none'),
  /** OneRoster has no secret flags: guardians' e-mail and phone count as secret (hidden from the other parent) unless set false. */
  contactsSecret: z.boolean().default(true),
  capabilities: z.array(z.enum(ONEROSTER_CAPABILITIES)).min(1).optional(),
});

export type OneRosterConfig = z.output<typeof oneRosterConfigSchema>;
export type OneRosterConfigInput = z.input<typeof oneRosterConfigSchema>;
