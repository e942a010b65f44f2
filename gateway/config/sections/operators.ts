/**
 * `operators`: the school's staff. They log in through the school's identity provider (`oidc`);
 * the local accounts (`accounts`) are break-glass only and can be switched off (`localLogin`). A
 * local password is configured only as an argon2id hash (PHC string); a plain `demoPassword` is for
 * the demo and refused at boot outside demo mode.
 */
import { z } from 'zod';
import { STAFF_ROLES } from '../../operators/roles.ts';
import { duration } from '../duration.ts';

/** $argon2id$v=19$m=…,t=…,p=…$salt$hash (the binding writes the parameters in any order). */
const ARGON2ID_PHC = /^\$argon2id\$v=\d+\$[mtp]=\d+,[mtp]=\d+,[mtp]=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

/** The one callback path; `operators.oidc.redirectUri` must end in it. */
export const OIDC_CALLBACK_PATH = '/beheer/oidc/callback';

const operatorAccount = z.strictObject({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, { error: 'expected 3–64 lower-case letters, digits, ".", "_" or "-"' }),
  /** Shown in the operator pages and the audit detail. */
  name: z.string().trim().min(1).optional(),
  passwordHash: z.string().regex(ARGON2ID_PHC, { error: 'expected an argon2id hash ($argon2id$v=19$m=…,t=…,p=…$…$…)' }).optional(),
  demoPassword: z.string().min(15).optional(),
  /** What this staff member may do (operators/roles.ts); beheer includes administratie. */
  roles: z.array(z.enum(STAFF_ROLES)).min(1).default(['beheer']),
}).refine((a) => (a.passwordHash === undefined) !== (a.demoPassword === undefined), {
  error: 'give exactly one of passwordHash and demoPassword',
});

/** http only on the loopback interface (the demo IdP, tests); anything else must be https. */
function isAllowedUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

const oidcSection = z.strictObject({
  enabled: z.boolean(),
  /** The IdP's issuer identifier; its discovery document is read from <issuer>/.well-known/openid-configuration. */
  issuer: z.string(),
  clientId: z.string(),
  /** From OUDERPOORT_OIDC_CLIENT_SECRET only (env-secrets.ts). */
  clientSecret: z.string().optional(),
  redirectUri: z.string(),
  /** Where the IdP sends the staff member after logging out there; '' = the operator login page. */
  postLogoutRedirectUri: z.string(),
  scopes: z.array(z.string().min(1)).min(1),
  /** The ID-token claim holding the staff member's groups or roles (a string or a list of strings). */
  roleClaim: z.string().min(1),
  /** Per staff role, the claim values that give it. */
  roleMapping: z.strictObject({
    administratie: z.array(z.string().min(1)),
    beheer: z.array(z.string().min(1)),
    directie: z.array(z.string().min(1)).default([]),
  }),
  /** How long discovery and token calls to the IdP may take. */
  timeout: duration(),
}).superRefine((oidc, ctx) => {
  if (!oidc.enabled) return;
  if (!isAllowedUrl(oidc.issuer)) ctx.addIssue({ code: 'custom', path: ['issuer'], message: 'expected the https URL of the identity provider (issuer)' });
  if (oidc.clientId.trim() === '') ctx.addIssue({ code: 'custom', path: ['clientId'], message: 'expected the client id the identity provider gave the portal' });
  if (!isAllowedUrl(oidc.redirectUri) || !oidc.redirectUri.endsWith(OIDC_CALLBACK_PATH)) {
    ctx.addIssue({ code: 'custom', path: ['redirectUri'], message: `expected the portal's https URL ending in ${OIDC_CALLBACK_PATH}` });
  }
  if (oidc.postLogoutRedirectUri !== '' && !isAllowedUrl(oidc.postLogoutRedirectUri)) {
    ctx.addIssue({ code: 'custom', path: ['postLogoutRedirectUri'], message: 'expected an https URL or empty' });
  }
  if (!oidc.scopes.includes('openid')) ctx.addIssue({ code: 'custom', path: ['scopes'], message: 'must include openid' });
  if (oidc.roleMapping.administratie.length + oidc.roleMapping.beheer.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['roleMapping'], message: 'map at least one claim value to administratie or beheer' });
  }
});

/** As the frozen config holds it. */
export type OidcSettings = Readonly<Omit<z.output<typeof oidcSection>, 'scopes' | 'roleMapping'>> & {
  readonly scopes: readonly string[];
  readonly roleMapping: Readonly<Record<'administratie' | 'beheer' | 'directie', readonly string[]>>;
};

export const operatorsSection = z.strictObject({
  sessionIdle: duration(),
  sessionAbsolute: duration(),
  /** The break-glass login with `accounts` at /beheer/inloggen; switch off once OIDC works. */
  localLogin: z.boolean(),
  oidc: oidcSection,
  accounts: z.array(operatorAccount).default([])
    .refine((list) => new Set(list.map((a) => a.username)).size === list.length, { error: 'lists a username twice' }),
});
