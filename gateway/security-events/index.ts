/**
 * Security events for every feature: `securityEvent(req, event)` is the one function to call.
 *
 *   import { securityEvent } from '../../security-events/index.ts';
 *   await securityEvent(req, { type: 'operator.login', outcome: 'failure', subject: `operator:${username}` });
 *
 * It takes the client IP, method, path and request id from `req`, and the recorder that
 * createApp installs (installSecurityEvents) from `req.res.locals`. Outside a request (a
 * command-line tool) call `recorder.record(event, origin)` on a recorder of your own.
 * The promise settles once a denial is in the audit log; it never rejects for a log line.
 */
import type { Request, RequestHandler } from 'express';
import type { SecurityEventRecorder } from './recorder.ts';
import type { SecurityEvent } from './types.ts';

export { createSecurityEventRecorder, type SecurityEventRecorder } from './recorder.ts';
export { SECURITY_EVENT_TYPES, type SecurityEvent, type SecurityEventType, type SecurityOutcome, type EventOrigin } from './types.ts';

const RECORDER = Symbol('securityEvents');

export function installSecurityEvents(recorder: SecurityEventRecorder): RequestHandler {
  return (_req, res, next) => {
    (res.locals as Record<symbol, unknown>)[RECORDER] = recorder;
    next();
  };
}

export async function securityEvent(req: Request, event: SecurityEvent): Promise<void> {
  const recorder = req.res && ((req.res.locals as Record<symbol, unknown>)[RECORDER] as SecurityEventRecorder | undefined);
  if (!recorder) throw new Error('securityEvent needs installSecurityEvents() in the app');
  await recorder.record(event, {
    ip: req.ip,
    method: req.method,
    path: req.originalUrl.split('?')[0],
    requestId: req.res?.locals.requestId as string | undefined,
  });
}
