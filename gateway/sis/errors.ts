/**
 * Errors the SisService adds on top of the adapter's SisError codes. Recognise them by `code`
 * (isSisServiceError), like SisError: SIS_NO_DATA is what a route turns into "try again later".
 */
import type { Capability } from '../../adapters/contract/index.ts';
import { isSisError } from '../../adapters/contract/index.ts';
import type { RecordKind } from './types.ts';

export const SIS_SERVICE_ERROR_CODES = ['SIS_NO_DATA', 'SIS_CAPABILITY_MISSING'] as const;
export type SisServiceErrorCode = (typeof SIS_SERVICE_ERROR_CODES)[number];

const messages = {
  noData: (kind: RecordKind) => `The SIS could not deliver the ${kind} record and nothing usable is cached.`,
  noDataHelp: 'The SIS is unreachable or failing; the page can be retried later.',
  capabilityMissing: (capability: Capability, method: string) =>
    `No configured SIS adapter offers "${capability}" (needed by ${method}).`,
  capabilityMissingHelp: 'Add an adapter with this capability to the stack, or close the section that needs it.',
};

const statusCodes: Record<SisServiceErrorCode, number> = {
  SIS_NO_DATA: 503,
  SIS_CAPABILITY_MISSING: 501,
};

export class SisServiceError extends Error {
  readonly code: SisServiceErrorCode;
  readonly statusCode: number;
  readonly help?: string;
  /** Seconds to wait before retrying, passed on from the SIS when it said so. */
  readonly retryAfter?: number;

  constructor(code: SisServiceErrorCode, options: { message: string; help?: string; cause?: unknown; retryAfter?: number }) {
    super(options.message, { cause: options.cause });
    this.name = 'SisServiceError';
    this.code = code;
    this.statusCode = statusCodes[code];
    this.help = options.help;
    this.retryAfter = options.retryAfter;
  }
}

export class SisDataUnavailableError extends SisServiceError {
  constructor(readonly kind: RecordKind, cause: unknown) {
    const retryAfter = isSisError(cause) ? cause.retryAfter : undefined;
    super('SIS_NO_DATA', { message: messages.noData(kind), help: messages.noDataHelp, cause, retryAfter });
    this.name = 'SisDataUnavailableError';
  }
}

export class SisCapabilityMissingError extends SisServiceError {
  constructor(readonly capability: Capability, method: string) {
    super('SIS_CAPABILITY_MISSING', {
      message: messages.capabilityMissing(capability, method),
      help: messages.capabilityMissingHelp,
    });
    this.name = 'SisCapabilityMissingError';
  }
}

export function isSisServiceError(err: unknown, code?: SisServiceErrorCode): err is SisServiceError {
  if (typeof err !== 'object' || err === null) return false;
  const c = (err as { code?: unknown }).code;
  if (typeof c !== 'string' || !(SIS_SERVICE_ERROR_CODES as readonly string[]).includes(c)) return false;
  return code === undefined || c === code;
}
