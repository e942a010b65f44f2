/**
 * Deps that remember every use, so the suite can prove construction touched none of them,
 * and the default deps a fresh adapter gets when the caller supplies none.
 */
import axios, { AxiosError, type AxiosInstance } from 'axios';
import type { AdapterDeps, AdapterLogger, Clock } from '../index.ts';

export interface DepsCall {
  dep: 'http' | 'logger' | 'clock';
  what: string;
}

export interface RecordedDeps {
  deps: AdapterDeps;
  calls: DepsCall[];
}

const HTTP_METHODS = new Set([
  'request', 'get', 'delete', 'head', 'options', 'post', 'put', 'patch', 'postForm', 'putForm', 'patchForm',
]);
const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

function describeRequest(method: string, args: unknown[]): string {
  const [first] = args;
  if (typeof first === 'string') return `${method} ${first}`;
  if (typeof first === 'object' && first !== null && 'url' in first) return `${method} ${String(first.url)}`;
  return method;
}

/** Wraps an axios instance (callable and with methods) without touching the instance itself. */
function recordHttp(http: AxiosInstance, calls: DepsCall[]): AxiosInstance {
  return new Proxy(http, {
    apply(target, thisArg, args: unknown[]) {
      calls.push({ dep: 'http', what: describeRequest('request', args) });
      return Reflect.apply(target, thisArg, args);
    },
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof prop !== 'string' || !HTTP_METHODS.has(prop) || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push({ dep: 'http', what: describeRequest(prop, args) });
        return Reflect.apply(value, target, args);
      };
    },
  });
}

function recordLogger(logger: AdapterLogger, calls: DepsCall[]): AdapterLogger {
  const wrapped = {} as AdapterLogger;
  for (const level of LOG_LEVELS) {
    wrapped[level] = (obj: object | string, msg?: string) => {
      calls.push({ dep: 'logger', what: `${level} ${typeof obj === 'string' ? obj : (msg ?? '')}`.trim() });
      logger[level](obj, msg);
    };
  }
  return wrapped;
}

function recordClock(clock: Clock, calls: DepsCall[]): Clock {
  return {
    now() {
      calls.push({ dep: 'clock', what: 'now()' });
      return clock.now();
    },
  };
}

export function recordDeps(base: AdapterDeps): RecordedDeps {
  const calls: DepsCall[] = [];
  return {
    calls,
    deps: {
      http: recordHttp(base.http, calls),
      logger: recordLogger(base.logger, calls),
      clock: recordClock(base.clock, calls),
    },
  };
}

const silentLogger: AdapterLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

/** What an adapter gets in production, minus the gateway's logger: a real HTTP client and the system clock. */
export function defaultDeps(): AdapterDeps {
  return {
    http: axios.create({ timeout: 10_000, maxRedirects: 0 }),
    logger: silentLogger,
    clock: { now: () => new Date() },
  };
}

/** An HTTP client whose every request fails as if the SIS host refused the connection. */
export function unreachableHttp(): AxiosInstance {
  return axios.create({
    adapter: async (config) => {
      throw new AxiosError('connection refused (the conformance suite blocks the network here)', 'ECONNREFUSED', config);
    },
  });
}
