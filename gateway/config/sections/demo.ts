/**
 * `demo`: known credentials for a demonstration on the mock SIS. The accounts themselves are
 * provisioned from the SIS like any other; this only sets the username and a password (or a
 * pending initial secret) for a few guardians so a newcomer can log in. Never use in production.
 */
import { z } from 'zod';

const demoAccount = z.strictObject({
  guardianId: z.string().min(1),
  /** Who this is, printed next to the login at start. */
  description: z.string().min(1),
  username: z.string().min(3),
  /** A finished account: this is the parent's password. */
  password: z.string().min(15).optional(),
  /** A parent who has not logged in yet: this is the initial secret from the invitation. */
  initialSecret: z.string().min(8).optional(),
}).refine((a) => (a.password === undefined) !== (a.initialSecret === undefined), {
  error: 'give exactly one of password and initialSecret',
});

/** A staff member at the demo IdP (gateway/operators/oidc/demo-idp.ts). */
const demoIdpUser = z.strictObject({
  username: z.string().min(3),
  password: z.string().min(8),
  name: z.string().min(1),
  email: z.string().optional(),
  /** Values of operators.oidc.roleClaim; operators.oidc.roleMapping turns them into roles. */
  groups: z.array(z.string()),
});

export const demoSection = z.strictObject({
  enabled: z.boolean(),
  /** The demo's clock starts at this instant and runs on in real time, so the demo can show a
   * moment of the school year when the calendar has every section open. */
  startAt: z.iso.datetime({ offset: true }).optional(),
  accounts: z.array(demoAccount).default([]),
  /** A small OpenID provider beside the demo, so staff log in through the real flow. */
  idp: z.strictObject({
    enabled: z.boolean(),
    port: z.number().int().min(0).max(65535),
    users: z.array(demoIdpUser).default([]),
  }),
});
