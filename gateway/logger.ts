/**
 * The gateway's pino logger. Redaction is declared here, once, for every log line the gateway
 * and its adapters write: personal data and credentials never reach the log, whatever a caller
 * passes in. (pino's wildcards match one level, hence each key at the top and two levels down.)
 */
import { pino, type DestinationStream, type Level, type Logger } from 'pino';

export type { Logger };

/** Keys whose values are personal data or credentials wherever they appear. */
const SENSITIVE_KEYS = [
  'password', 'passwordHash', 'newPassword', 'currentPassword', 'initialSecret', 'initialSecretHash',
  'secret', 'sessionSecret', 'dataKey', 'clientSecret', 'token', 'accessToken', 'refreshToken', 'idToken',
  'apiKey', 'privateKey', 'leveranciersleutel', 'authorization', 'cookie',
  'email', 'phone', 'address', 'birthDate', 'bsn', 'contacts',
] as const;

/**
 * Keys that are personal data in a record but a harmless word at the top of a line (pino's own
 * `name`), so only nested ones are redacted. Log an adapter as `{ adapter: 'mock' }`, not by `name`.
 */
const NESTED_ONLY_KEYS = ['name'] as const;

export const REDACT_PATHS: readonly string[] = Object.freeze([
  ...SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  ...NESTED_ONLY_KEYS.flatMap((key) => [`*.${key}`, `*.*.${key}`]),
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'config.*.key',
  // axios errors carry the whole request (credentials included) and response.
  'err.config',
  'err.request',
  'err.response',
  'err.cause.config',
  'err.cause.request',
  'err.cause.response',
]);

export const REDACTED = '[Redacted]';

export interface LoggerConfig {
  log: { level: Level | 'silent' };
}

/** A logger at the configured level, writing JSON lines to `destination` (default: stdout). */
export function createLogger(config: LoggerConfig, destination?: DestinationStream): Logger {
  const options = {
    level: config.log.level,
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
