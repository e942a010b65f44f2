/**
 * A staff member from the identity provider is known by (issuer, subject), never by e-mail (an
 * address can be reused or renamed). Their id in the portal's audit log is derived from both, so
 * the same person keeps one id across logins and an IdP of another school can never collide.
 */
import { createHash } from 'node:crypto';

export function staffIdOf(issuer: string, subject: string): string {
  const digest = createHash('sha256').update(`${issuer}\n${subject}`).digest('base64url').slice(0, 22);
  return `oidc:${digest}`;
}
