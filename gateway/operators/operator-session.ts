/**
 * The operator's mark on a server-side session, kept apart from the parent's login (passport):
 * an operator session is no parent session and the other way round. Its own idle and absolute
 * limits (`operators.sessionIdle`, `operators.sessionAbsolute`) are judged by the injected clock.
 */
import 'express-session';

declare module 'express-session' {
  interface SessionData {
    /** Set by the operator login only. */
    operator?: { username: string; createdAt: string; lastSeenAt: string };
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
