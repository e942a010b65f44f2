/**
 * What each adapter gets injected: an HTTP client with the gateway's safety limits, a logger
 * that names the adapter, and the clock. The limits live here rather than in each adapter so a
 * careless adapter cannot follow a redirect off the SIS host, hang a request forever, or read
 * an unbounded body into memory.
 */
import axios from 'axios';
import type { AdapterDeps, AdapterLogger, Clock } from '../../adapters/contract/index.ts';

export const DEFAULT_HTTP_TIMEOUT_MS = 10_000;
export const DEFAULT_HTTP_MAX_BYTES = 10 * 1024 * 1024;

/** A logger that can make children; pino's Logger is one. */
export interface ParentLogger {
  child(bindings: Record<string, unknown>): AdapterLogger;
}

export interface AdapterDepsOptions {
  logger: ParentLogger;
  clock: Clock;
  /** The adapter's name, bound to every line it logs as `adapter`. */
  name: string;
  timeoutMs?: number;
  /** Cap on response and request bodies. */
  maxBytes?: number;
}

export function createAdapterDeps(options: AdapterDepsOptions): AdapterDeps {
  const maxBytes = options.maxBytes ?? DEFAULT_HTTP_MAX_BYTES;
  const http = axios.create({
    timeout: options.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS,
    maxRedirects: 0,
    maxContentLength: maxBytes,
    maxBodyLength: maxBytes,
  });
  return { http, logger: options.logger.child({ adapter: options.name }), clock: options.clock };
}
