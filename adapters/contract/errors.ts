/**
 * Coded errors for adapters. Recognise them by `code` (isSisError), never by class:
 * an adapter from an npm package may bundle its own copy of this module.
 */

export const SIS_ERROR_CODES = [
  'SIS_NOT_FOUND',
  'SIS_UNAVAILABLE',
  'SIS_AUTH_FAILED',
  'SIS_BAD_RESPONSE',
  'CONFIG_INVALID',
] as const;

export type SisErrorCode = (typeof SIS_ERROR_CODES)[number];

const messages: Record<SisErrorCode, string> = {
  SIS_NOT_FOUND: 'The SIS has no such record.',
  SIS_UNAVAILABLE: 'The SIS could not be reached; try again later.',
  SIS_AUTH_FAILED: 'The SIS refused our credentials.',
  SIS_BAD_RESPONSE: 'The SIS answered with something we could not read.',
  CONFIG_INVALID: 'The adapter configuration is invalid.',
};

const statusCodes: Record<SisErrorCode, number> = {
  SIS_NOT_FOUND: 404,
  SIS_UNAVAILABLE: 503,
  SIS_AUTH_FAILED: 502,
  SIS_BAD_RESPONSE: 502,
  CONFIG_INVALID: 500,
};

export interface SisErrorOptions {
  message?: string;
  help?: string;
  cause?: unknown;
  /** Seconds the SIS asked us to wait (Retry-After), for SIS_UNAVAILABLE. */
  retryAfter?: number;
}

export class SisError extends Error {
  readonly code: SisErrorCode;
  readonly statusCode: number;
  readonly help?: string;
  readonly retryAfter?: number;

  constructor(code: SisErrorCode, options: SisErrorOptions = {}) {
    super(options.message ?? messages[code], { cause: options.cause });
    this.name = 'SisError';
    this.code = code;
    this.statusCode = statusCodes[code];
    this.help = options.help;
    this.retryAfter = options.retryAfter;
  }

  /** Transient errors may be retried; the rest will fail the same way again. */
  get transient(): boolean {
    return this.code === 'SIS_UNAVAILABLE';
  }
}

export function isSisError(err: unknown, code?: SisErrorCode): err is SisError {
  if (typeof err !== 'object' || err === null) return false;
  const c = (err as { code?: unknown }).code;
  if (typeof c !== 'string' || !(SIS_ERROR_CODES as readonly string[]).includes(c)) return false;
  return code === undefined || c === code;
}

export const notFound = (what: string) => new SisError('SIS_NOT_FOUND', { message: `Not found in the SIS: ${what}` });
