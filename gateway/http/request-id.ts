/** A random id per request: in every log line, on every error page, in the X-Request-Id header. */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

export function requestId(): RequestHandler {
  return (req, res, next) => {
    const id = randomUUID();
    (req as { id?: string }).id = id;
    res.locals.requestId = id;
    res.set('X-Request-Id', id);
    next();
  };
}
