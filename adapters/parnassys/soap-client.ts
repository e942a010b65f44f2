/**
 * One call of the generic web service over the injected HTTP client. The gateway's client has its
 * own limits; the adapter sets timeout, redirects and size per request too, so it is just as safe
 * on a bare axios instance. Every failure leaves as a coded SisError without the request in it.
 */
import { performance } from 'node:perf_hooks';
import type { AxiosInstance, AxiosResponse } from 'axios';
import { SisError, type AdapterLogger, type Clock } from '../contract/index.ts';
import type { ZodType } from 'zod';
import { leerlingenReturnSchema, type LeerlingenReturn } from './leerlingen-schema.ts';
import { medewerkersReturnSchema, type MedewerkersReturn } from './medewerkers-schema.ts';
import { soapAction, soapEnvelope, xmlEscape, type OperationParams, type ParnassysOperation } from './soap-envelope.ts';
import { faultError, httpStatusError, parseRetryAfter, transportError } from './soap-errors.ts';
import { readSoapResponse } from './soap-response.ts';
import { decodeXml, type DecodedXml } from '../shared/xml-text.ts';

const messages = {
  unreadable: (reason: string) => `ParnasSys answered with something we could not read: ${reason}.`,
  unexpected: (where: string, what: string) => `ParnasSys answered in an unexpected shape at ${where}: ${what}.`,
  unreadableHelp: 'The web service may have changed, or the endpoint is not the ParnasSys generic web service (v3).',
  callFailed: 'ParnasSys call failed',
  callDone: 'ParnasSys call done',
};

export interface SoapClientOptions {
  http: AxiosInstance;
  logger: AdapterLogger;
  clock: Clock;
  endpoint: string;
  timeoutMs: number;
  maxBytes: number;
  supplierName: string;
  supplierKey: string;
  brin: string;
}

export interface SoapClient {
  getLeerlingen(schoolYear: string): Promise<LeerlingenReturn>;
  /** Staff of the school; asked only when the config links groups to staff. */
  getMedewerkers(schoolYear: string): Promise<MedewerkersReturn>;
}

/** The body as text in the encoding the answer declares (HTTP charset, else the XML declaration). */
function bodyText(data: unknown, contentType: unknown): DecodedXml {
  if (typeof data === 'string') return { ok: true, text: data, encoding: 'utf-8' };
  if (data instanceof ArrayBuffer) return decodeXml(new Uint8Array(data), contentType);
  if (data instanceof Uint8Array) return decodeXml(data, contentType);
  return { ok: true, text: '', encoding: 'utf-8' };
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || 'return';
}

export function createSoapClient(options: SoapClientOptions): SoapClient {
  const { http, logger, clock } = options;
  const limits = { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes };
  // The key may come back inside a fault string, raw or as the escaped text we sent.
  const secrets = [options.supplierKey, xmlEscape(options.supplierKey)];

  async function post(operation: ParnassysOperation, params: OperationParams): Promise<AxiosResponse<unknown>> {
    try {
      return await http.request({
        method: 'POST',
        url: options.endpoint,
        data: soapEnvelope(operation, params),
        headers: {
          'Content-Type': 'text/xml; charset=utf-8',
          SOAPAction: soapAction(operation),
          Accept: 'text/xml',
        },
        timeout: options.timeoutMs,
        maxRedirects: 0,
        maxContentLength: options.maxBytes,
        maxBodyLength: options.maxBytes,
        // Bytes: the answer's own charset decides how they read, not axios's UTF-8 default.
        responseType: 'arraybuffer',
        transformResponse: [(data: unknown) => data],
        // Every status is read here: a SOAP fault arrives as HTTP 500 and must be told apart.
        validateStatus: () => true,
      });
    } catch (err) {
      throw transportError(err, limits);
    }
  }

  async function call<T>(operation: ParnassysOperation, schema: ZodType<T>, schoolYear: string): Promise<T> {
    const started = performance.now();
    let status: number | undefined;
    try {
      const response = await post(operation, { supplierName: options.supplierName, supplierKey: options.supplierKey, brin: options.brin, schoolYear });
      status = response.status;
      const decoded = bodyText(response.data, response.headers?.['content-type']);
      const body = decoded.ok ? decoded.text : '';
      const outcome = decoded.ok ? readSoapResponse(body, operation) : { kind: 'unreadable' as const, reason: decoded.problem };
      const retryAfter = parseRetryAfter(response.headers?.['retry-after'], clock.now().getTime());
      if (outcome.kind === 'fault') throw faultError(outcome.fault, status, secrets, retryAfter);
      if (status < 200 || status >= 300) throw httpStatusError(status, retryAfter);
      if (outcome.kind === 'unreadable') {
        throw new SisError('SIS_BAD_RESPONSE', { message: messages.unreadable(outcome.reason), help: messages.unreadableHelp, cause: { status } });
      }
      const parsed = schema.safeParse(outcome.value);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const where = first ? issuePath(first.path) : 'return';
        throw new SisError('SIS_BAD_RESPONSE', {
          message: messages.unexpected(where, first?.message ?? 'invalid'), help: messages.unreadableHelp, cause: { status },
        });
      }
      logger.debug({ operation, schoolYear, status, bytes: body.length, ms: Math.round(performance.now() - started) }, messages.callDone);
      return parsed.data;
    } catch (err) {
      const code = err instanceof SisError ? err.code : 'SIS_BAD_RESPONSE';
      logger.warn({ operation, schoolYear, status, code, ms: Math.round(performance.now() - started) }, messages.callFailed);
      throw err;
    }
  }

  return {
    getLeerlingen: (schoolYear) => call('getLeerlingen', leerlingenReturnSchema, schoolYear),
    getMedewerkers: (schoolYear) => call('getMedewerkers', medewerkersReturnSchema, schoolYear),
  };
}
