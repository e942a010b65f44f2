/**
 * One log line per request, when it has been answered or abandoned: its id, method, path without
 * the query, status and time taken ("request completed" / "request aborted"); at error level for
 * a 5xx. Nothing else of the request reaches the log: no query, no headers, no body.
 *
 * Written through a child logger without the gateway's redaction. Redaction (gateway/logger.ts)
 * walks some eighty wildcard paths through every object it logs, and for this line, whose fields
 * are fixed and hold no personal data (a path carries only opaque handles), that walk was most of
 * a cached page's logging cost (bench/README.md, issue 23). It replaces pino-http, which also
 * built two child loggers per request that nothing used.
 */
import type { RequestHandler } from 'express';
import type { Logger } from '../logger.ts';

export function requestLog(logger: Logger): RequestHandler {
  const log = logger.child({}, { redact: [] });
  return (req, res, next) => {
    const started = performance.now();
    const method = req.method;
    const path = req.originalUrl.split('?')[0];
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const line = {
        reqId: (req as { id?: string }).id ?? '-',
        req: { method, path },
        res: { status: res.statusCode },
        responseTime: Math.round(performance.now() - started),
      };
      const completed = !req.readableAborted && res.writableEnded;
      if (res.statusCode >= 500) log.error(line, completed ? 'request errored' : 'request aborted');
      else log.info(line, completed ? 'request completed' : 'request aborted');
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}
