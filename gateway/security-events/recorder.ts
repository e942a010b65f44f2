/**
 * The security-event recorder: writes one pino line per event and, for a denial, an audit record.
 * Subjects are pseudonymised with an HMAC keyed by the session secret, so the same account has the
 * same pseudonym across lines (a SIEM can correlate) but the log alone names nobody; rotating the
 * session secret also rotates the pseudonyms.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../../adapters/contract/index.ts';
import type { Store } from '../store/types.ts';
import type { EventOrigin, SecurityEvent } from './types.ts';

export interface SecurityEventRecorder {
  record(event: SecurityEvent, origin: EventOrigin): Promise<void>;
  /** The pseudonym a subject gets in the log (for tests and for an operator correlating lines). */
  pseudonym(subject: string): string;
}

export interface RecorderDeps {
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  clock: Clock;
  store: Pick<Store, 'audit'>;
  /** Keys the pseudonyms; derive it from the session secret. */
  secret: string;
}

export function createSecurityEventRecorder(deps: RecorderDeps): SecurityEventRecorder {
  const pseudonym = (subject: string) => createHmac('sha256', `security-events:${deps.secret}`).update(subject).digest('base64url').slice(0, 22);
  return {
    pseudonym,
    async record(event, origin) {
      const at = deps.clock.now().toISOString();
      const line = {
        securityEvent: event.type,
        outcome: event.outcome,
        at,
        ...(event.subject !== undefined && { subject: pseudonym(event.subject) }),
        ip: origin.ip ?? 'unknown',
        ...(origin.method && { method: origin.method }),
        ...(origin.path && { path: origin.path }),
        ...(origin.requestId && { requestId: origin.requestId }),
        ...(event.detail && { detail: event.detail }),
      };
      const level = event.outcome === 'success' || event.outcome === 'requested' ? 'info' : 'warn';
      deps.logger[level](line, `security: ${event.type} ${event.outcome}`);
      if (event.outcome === 'denied') {
        await deps.store.audit.append({
          id: randomUUID(), at, actor: event.accountId ?? event.subject ?? 'anonymous',
          actorKind: event.subject?.startsWith('operator:') ? 'operator' : 'parent',
          action: 'access.denied', ...(origin.requestId && { requestId: origin.requestId }),
          ...(event.detail && { detail: event.detail }),
        });
      }
    },
  };
}
