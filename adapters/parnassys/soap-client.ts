/**
 * One call of the generic web service over the injected HTTP client. The gateway's client has its
 * own limits; the adapter sets timeout, redirects and size per request too, so it is just as safe
 * on a bare axios instance. Every failure leaves as a coded SisError without the request in it.
 */
import { performance } from 'node:perf_hooks';
import type { AxiosInstance, AxiosResponse } from 'axios';
import { SisError, type AdapterLogger, type Clock } from '../contract/index.ts';
import type { LeerlingenReturn } from './leerlingen-schema.ts';
import type { MedewerkersReturn } from './medewerkers-schema.ts';
import { soapAction, soapEnvelope, xmlEscape, type OperationParams, type ParnassysOperation } from './soap-envelope.ts';
import { faultError, httpStatusError, parseRetryAfter, transportError } from './soap-errors.ts';
import { offThread } from '../shared/off-thread.ts';
import { parseAnswer, type ParseInput, type ParsedAnswer } from './soap-parse.ts';

const messages = {
  unreadable: (reason: string) => `ParnasSys answered with something we could not read: ${reason}.`,
  unexpected: (where: string, what: string) => `ParnasSys answered in an unexpected shape at ${where}: ${what}.`,
  unreadableHelp: 'The web service may have changed, or the endpoint is not the ParnasSys generic web service (v3).',
  callFailed: 'ParnasSys call failed',
  parseFailed: 'The ParnasSys answer could not be parsed: the parse worker failed.',
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

/** The body as its own copy of the bytes, so it can be handed to the parse worker. */
function bodyBytes(data: unknown): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  if (data instanceof Uint8Array) return new Uint8Array(data);
  return new Uint8Array(0);
}

const PARSE_WORKER = new URL(`./soap-parse-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

export function createSoapClient(options: SoapClientOptions): SoapClient {
  const { http, logger, clock } = options;
  const limits = { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes };
  // The key may come back inside a fault string, raw or as the escaped text we sent.
  const secrets = [options.supplierKey, xmlEscape(options.supplierKey)];
  const parser = offThread<ParseInput, ParsedAnswer>(PARSE_WORKER, parseAnswer);

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

  async function call<T>(operation: ParnassysOperation, schoolYear: string): Promise<T> {
    const started = performance.now();
    let status: number | undefined;
    try {
      const response = await post(operation, { supplierName: options.supplierName, supplierKey: options.supplierKey, brin: options.brin, schoolYear });
      status = response.status;
      const bytes = bodyBytes(response.data);
      const contentType = response.headers?.['content-type'];
      // Parsed in the worker: a large school's answer would block the event loop for seconds.
      const outcome = await parser.run({ bytes, operation, ...(typeof contentType === 'string' && { contentType }) }, [bytes.buffer as ArrayBuffer])
        .catch((err: unknown) => {
          throw new SisError('SIS_UNAVAILABLE', { message: messages.parseFailed, cause: { status, code: (err as Error)?.name ?? 'Error' } }); void err;
        });
      const retryAfter = parseRetryAfter(response.headers?.['retry-after'], clock.now().getTime());
      if (outcome.kind === 'fault') throw faultError(outcome.fault, status, secrets, retryAfter);
      if (status < 200 || status >= 300) throw httpStatusError(status, retryAfter);
      if (outcome.kind === 'unreadable') {
        throw new SisError('SIS_BAD_RESPONSE', { message: messages.unreadable(outcome.reason), help: messages.unreadableHelp, cause: { status } });
      }
      if (outcome.kind === 'unexpected') {
        throw new SisError('SIS_BAD_RESPONSE', { message: messages.unexpected(outcome.where, outcome.what), help: messages.unreadableHelp, cause: { status } });
      }
      logger.debug({ operation, schoolYear, status, bytes: outcome.bytes, ms: Math.round(performance.now() - started) }, messages.callDone);
      return outcome.value as T;
    } catch (err) {
      const code = err instanceof SisError ? err.code : 'SIS_BAD_RESPONSE';
      logger.warn({ operation, schoolYear, status, code, ms: Math.round(performance.now() - started) }, messages.callFailed);
      throw err;
    }
  }

  return {
    getLeerlingen: (schoolYear) => call('getLeerlingen', schoolYear),
    getMedewerkers: (schoolYear) => call('getMedewerkers', schoolYear),
  };
}
