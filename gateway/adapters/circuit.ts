/**
 * The circuit breaker around the whole SIS stack (opossum), wrapped once. After repeated failures
 * within a window (a share of at least `volumeThreshold` calls failing) it opens: for `coolDown` no
 * call reaches the SIS and each fails at once as SIS_UNAVAILABLE, so pages serve the cache with the
 * "not up to date" notice instead of waiting on a sick SIS. Then one probe call goes through; its
 * success closes the circuit, its failure opens it again. Only trouble counts: SIS_UNAVAILABLE,
 * SIS_BAD_RESPONSE and unexpected errors, not a not-found. Health checks bypass it (the status page
 * must see the SIS itself).
 */
import CircuitBreaker from 'opossum';
import { SisError, isSisError, type AdapterLogger, type Clock } from '../../adapters/contract/index.ts';
import type { CircuitReport } from '../health/platform-health.ts';
import type { SisStack } from './stack.ts';
import { wrapDataMethods } from './wrap-methods.ts';

export interface CircuitOptions {
  /** Percentage of failed calls in the window that opens the circuit. */
  errorThreshold: number;
  /** Fewest calls in the window before it may open. */
  volumeThreshold: number;
  windowMs: number;
  coolDownMs: number;
}

export interface GuardedStack extends SisStack {
  circuit(): CircuitReport;
}

const COUNTED = new Set(['SIS_UNAVAILABLE', 'SIS_BAD_RESPONSE']);

export function withCircuit(stack: SisStack, options: CircuitOptions, deps: { clock: Clock; logger: Pick<AdapterLogger, 'warn' | 'info'> }): GuardedStack {
  const breaker = new CircuitBreaker((call: () => Promise<unknown>) => call(), {
    timeout: false, // the whole-call deadline is per adapter (deadline.ts)
    errorThresholdPercentage: options.errorThreshold,
    volumeThreshold: options.volumeThreshold,
    rollingCountTimeout: options.windowMs,
    rollingCountBuckets: 10,
    resetTimeout: options.coolDownMs,
    // True: not a failure of the SIS (a not-found is an answer).
    errorFilter: (err: unknown) => isSisError(err) && !COUNTED.has(err.code),
  });
  let openedAt: string | undefined;
  let rejected = 0;
  let failures = 0;
  breaker.on('open', () => {
    openedAt = deps.clock.now().toISOString();
    deps.logger.warn({ coolDownMs: options.coolDownMs }, 'SIS circuit open: calls are refused, pages serve the cache');
  });
  breaker.on('halfOpen', () => deps.logger.info('SIS circuit half open: one probe call goes through'));
  breaker.on('close', () => deps.logger.info('SIS circuit closed: calls go to the SIS again'));
  breaker.on('reject', () => void (rejected += 1));
  breaker.on('failure', () => void (failures += 1));

  const guarded = wrapDataMethods(stack, (_name, call) => async (...args) => {
    try {
      return await breaker.fire(() => call(...args));
    } catch (err) {
      if ((err as { code?: unknown })?.code === 'EOPENBREAKER') {
        throw new SisError('SIS_UNAVAILABLE', { message: 'The SIS circuit is open after repeated failures', cause: err });
      }
      throw err;
    }
  }) as GuardedStack;
  Object.defineProperty(guarded, 'circuit', {
    value: (): CircuitReport => ({
      state: breaker.opened ? 'open' : breaker.halfOpen ? 'halfOpen' : 'closed',
      ...(openedAt !== undefined && { openedAt }),
      rejected,
      failures,
    }),
  });
  Object.defineProperty(guarded, 'close', {
    value: async () => {
      breaker.shutdown();
      await stack.close?.();
    },
  });
  return guarded;
}
