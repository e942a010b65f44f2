/**
 * The operator's mark on a server-side session, kept apart from the parent's login (passport):
 * an operator session is no parent session and the other way round. Its own idle and absolute
 * limits (`operators.sessionIdle`, `operators.sessionAbsolute`) are judged by the injected clock.
 */
import 'express-session';
import type { PendingStaffLogin } from './oidc/staff-oidc.ts';
import type { StaffRole } from './roles.ts';

/**
 * A local (break-glass) operator is looked up in config on every request by `username`. A staff
 * member from the identity provider is in no config: the mark carries who they are (issuer,
 * subject, name) and the roles their last login mapped; `username` is then staffIdOf(issuer, subject).
 */
export interface OperatorMark {
  username: string;
  createdAt: string;
  lastSeenAt: string;
  via?: 'local' | 'oidc';
  issuer?: string;
  subject?: string;
  name?: string;
  roles?: StaffRole[];
  /** For the IdP's logout (id_token_hint); server-side only. */
  idToken?: string;
}

declare module 'express-session' {
  interface SessionData {
    /** Set by the operator logins only. */
    operator?: OperatorMark;
    /** A local operator whose password was right and whose second factor is still to come. */
    operatorPending?: { username: string; startedAt: string };
    /** Between the start of a staff login at the IdP and its callback; used once. */
    staffLogin?: PendingStaffLogin;
  }
}

export interface OperatorSessionLimits {
  idleMs: number;
  absoluteMs: number;
}

/** 'ok', or why the session no longer counts. */
export function operatorSessionState(
  operator: { createdAt: string; lastSeenAt: string }, now: Date, limits: OperatorSessionLimits,
): 'ok' | 'idle' | 'expired' {
  const at = now.getTime();
  if (at - Date.parse(operator.createdAt) > limits.absoluteMs) return 'expired';
  if (at - Date.parse(operator.lastSeenAt) > limits.idleMs) return 'idle';
  return 'ok';
}
