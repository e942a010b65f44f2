/** The composition root's one call: the configured stack, loaded, checked and built. */
import type { Clock } from '../../adapters/contract/index.ts';
import type { Config } from '../config/index.ts';
import { createAdapterDeps, type ParentLogger } from './deps.ts';
import { loadAdapters, type ImportModule } from './load-adapters.ts';
import { withCircuit, type GuardedStack } from './circuit.ts';
import { withDeadline } from './deadline.ts';
import { withSisMetrics } from '../metrics/sis-metrics.ts';
import type { Metrics } from '../metrics/registry.ts';
import { createStack } from './stack.ts';

export interface SisStackDeps {
  logger: ParentLogger;
  clock: Clock;
  importModule?: ImportModule;
  builtins?: ReadonlyMap<string, string>;
  /** Counts and times each adapter's calls (metrics.enabled). */
  metrics?: Pick<Metrics, 'sisCall'>;
}

export async function createSisStackFromConfig(
  config: Pick<Config, 'sis' | 'source'>, deps: SisStackDeps,
): Promise<GuardedStack> {
  const loaded = await loadAdapters(config.sis.stack, {
    baseDir: config.source.baseDir,
    ...(deps.importModule && { importModule: deps.importModule }),
    ...(deps.builtins && { builtins: deps.builtins }),
  });
  const stack = createStack(loaded, (entry) => createAdapterDeps({
    logger: deps.logger,
    clock: deps.clock,
    name: entry.module.name,
    timeoutMs: config.sis.http.timeout,
    maxBytes: config.sis.http.maxBytes,
  }), ['sis', 'stack'], (adapter, entry) => {
    const bounded = withDeadline(adapter, config.sis.stack[entry.index]?.deadline ?? config.sis.deadline);
    return deps.metrics ? withSisMetrics(bounded, deps.metrics) : bounded;
  });
  const { circuit } = config.sis;
  return withCircuit(stack, {
    errorThreshold: circuit.errorThreshold, volumeThreshold: circuit.volumeThreshold,
    windowMs: circuit.window, coolDownMs: circuit.coolDown,
  }, { clock: deps.clock, logger: deps.logger.child({ component: 'sis-circuit' }) });
}
