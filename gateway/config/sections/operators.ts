/**
 * `operators`: the school's staff who work the change-request queue, until they log in through
 * the school's identity provider (OIDC). A password is configured only as an argon2id hash (PHC
 * string); a plain `demoPassword` is for the demo and refused at boot outside demo mode.
 */
import { z } from 'zod';
import { STAFF_ROLES } from '../../operators/roles.ts';
import { duration } from '../duration.ts';

/** $argon2id$v=19$m=…,t=…,p=…$salt$hash (the binding writes the parameters in any order). */
const ARGON2ID_PHC = /^\$argon2id\$v=\d+\$[mtp]=\d+,[mtp]=\d+,[mtp]=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

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

export const operatorsSection = z.strictObject({
  sessionIdle: duration(),
  sessionAbsolute: duration(),
  accounts: z.array(operatorAccount).default([])
    .refine((list) => new Set(list.map((a) => a.username)).size === list.length, { error: 'lists a username twice' }),
});
