/**
 * Turns what can go wrong on the wire into coded SisErrors. Nothing from the request travels
 * along: an axios error carries its config, and the config carries the body with the supplier
 * key, so `cause` keeps only the HTTP status and the error code.
 */
import { SisError } from '../contract/index.ts';

const messages = {
  authHttp: (status: number) => `ParnasSys refused the supplier credentials (HTTP ${status}).`,
  authFault: (fault: string) => `ParnasSys refused the supplier credentials: ${fault}`,
  authHelp: 'Check supplierName and supplierKey (PARNASSYS_SUPPLIER_KEY), and that the school has granted this supplier access for its BRIN in ParnasSys.',
  serverFault: (fault: string) => `ParnasSys reported a server fault: ${fault}`,
  clientFault: (fault: string) => `ParnasSys rejected the request: ${fault}`,
  clientFaultHelp: 'Check brin and schoolYear in the adapter config.',
  httpUnavailable: (status: number) => `ParnasSys answered HTTP ${status}.`,
  redirect: (status: number) => `ParnasSys answered with a redirect (HTTP ${status}); redirects are not followed.`,
  httpUnexpected: (status: number) => `ParnasSys answered HTTP ${status}.`,
  endpointHelp: 'Check the endpoint (…/bao/services/cxf/v3/generic) in the adapter config.',
  timeout: (ms: number) => `ParnasSys did not answer within ${ms} ms.`,
  network: (code: string) => `ParnasSys could not be reached (${code}).`,
  tooLarge: (bytes: number) => `The ParnasSys answer is larger than maxBytes (${bytes} bytes).`,
  tooLargeHelp: 'Raise maxBytes in the adapter config if the school is this large.',
};

/** The only trace of the original failure an error keeps. */
export interface WireCause {
  status?: number;
  code?: string;
}

/** Fault strings that mean "who are you?" rather than "what do you want?". */
const AUTH_FAULT = /leverancier|sleutel|autori[sz]|authent|unauthori|toegang|geen rechten|niet toegestaan|access denied|forbidden|credential|permission|not allowed/i;

/** Seconds from a Retry-After header (delta-seconds or HTTP-date), relative to `nowMs`. */
export function parseRetryAfter(header: unknown, nowMs: number): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/** A fault string fit for a message: one line, short, and with the supplier key cut out. */
export function sanitizeFaultText(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) if (secret !== '') clean = clean.split(secret).join('[redacted]');
  // eslint-disable-next-line no-control-regex -- folding control characters into spaces
  clean = clean.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > 200 ? `${clean.slice(0, 199)}…` : clean || '(no fault string)';
}

export interface SoapFault {
  /** The code without its prefix, SOAP 1.2's Receiver/Sender written as Server/Client. */
  faultcode: string;
  /** faultstring, or SOAP 1.2's first Reason/Text. */
  faultstring: string;
  /** SOAP 1.2 Subcode/Value, when given. */
  subcode?: string;
}

/** A SOAP fault: auth-ish → SIS_AUTH_FAILED; a Server fault → SIS_UNAVAILABLE; else SIS_BAD_RESPONSE. */
export function faultError(fault: SoapFault, status: number, secrets: readonly string[], retryAfter?: number): SisError {
  const text = sanitizeFaultText(fault.faultstring, secrets);
  const code = fault.faultcode.replace(/^.*:/, '') || 'Fault';
  const cause: WireCause = { status, code: `soap:${code}${fault.subcode ? `/${fault.subcode}` : ''}` };
  if (status === 401 || status === 403 || AUTH_FAULT.test(fault.faultstring)) {
    return new SisError('SIS_AUTH_FAILED', { message: messages.authFault(text), help: messages.authHelp, cause });
  }
  if (/(^|:)Server$/i.test(fault.faultcode)) {
    return new SisError('SIS_UNAVAILABLE', { message: messages.serverFault(text), cause, retryAfter });
  }
  return new SisError('SIS_BAD_RESPONSE', { message: messages.clientFault(text), help: messages.clientFaultHelp, cause });
}

/** A non-2xx answer without a SOAP fault in it. */
export function httpStatusError(status: number, retryAfter: number | undefined): SisError {
  const cause: WireCause = { status };
  if (status === 401 || status === 403) {
    return new SisError('SIS_AUTH_FAILED', { message: messages.authHttp(status), help: messages.authHelp, cause });
  }
  if (status >= 500 || status === 429 || status === 408) {
    return new SisError('SIS_UNAVAILABLE', { message: messages.httpUnavailable(status), cause, retryAfter });
  }
  if (status >= 300 && status < 400) {
    return new SisError('SIS_BAD_RESPONSE', { message: messages.redirect(status), help: messages.endpointHelp, cause });
  }
  return new SisError('SIS_BAD_RESPONSE', { message: messages.httpUnexpected(status), help: messages.endpointHelp, cause });
}

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);

/**
 * A request that got no answer (axios threw without a response): timeouts and connection
 * failures are transient; an answer over the size cap is not.
 */
export function transportError(err: unknown, limits: { timeoutMs: number; maxBytes: number }): SisError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : 'UNKNOWN';
  const message = typeof e.message === 'string' ? e.message : '';
  const cause: WireCause = { code };
  if (/maxContentLength|maxBodyLength/i.test(message)) {
    return new SisError('SIS_BAD_RESPONSE', { message: messages.tooLarge(limits.maxBytes), help: messages.tooLargeHelp, cause });
  }
  if (TIMEOUT_CODES.has(code) || /timeout/i.test(message)) {
    return new SisError('SIS_UNAVAILABLE', { message: messages.timeout(limits.timeoutMs), cause });
  }
  return new SisError('SIS_UNAVAILABLE', { message: messages.network(code), cause });
}
