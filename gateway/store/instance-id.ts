/**
 * This process's name in claims (outbox leases, job slots): unique across instances on one
 * database and across restarts of one (host, pid and a random part; no personal data).
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export function instanceId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}
