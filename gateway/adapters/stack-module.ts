/**
 * A configured stack seen as one adapter module, so the conformance suite can prove the stack as
 * the gateway will use it: each fresh "adapter" is a fresh stack built from the loaded modules
 * (whose configs their own schemas already checked). Rules that cross adapters — a guardian's
 * child link must name a pupil getStudent resolves — then show whether ids agree across the stack.
 */
import { z } from 'zod';
import { CAPABILITIES, type AdapterModule, type Capability } from '../../adapters/contract/index.ts';
import { unreachableHttp } from '../../adapters/contract/conformance/recording-deps.ts';
import { loadConfig, type Env } from '../config/index.ts';
import { loadAdapters, type LoadedAdapter } from './load-adapters.ts';
import { createStack, type SisStack } from './stack.ts';

export function stackModule(loaded: readonly LoadedAdapter[]): AdapterModule<Record<string, never>> {
  const declared = new Set(loaded.flatMap((entry) => entry.module.capabilities));
  return {
    name: loaded.map((entry) => entry.module.name).join('+'),
    version: loaded.map((entry) => `${entry.module.name}@${entry.module.version}`).join('+'),
    capabilities: CAPABILITIES.filter((c: Capability) => declared.has(c)),
    // Each member's config was validated when the stack was loaded; the stack itself takes none.
    configSchema: z.strictObject({}),
    create(_config, deps): SisStack {
      return createStack(loaded, () => deps);
    },
  };
}

export interface StackUnderTest {
  module: AdapterModule<Record<string, never>>;
  /** Which adapter answers for each capability, as the gateway would route. */
  routes: ReturnType<SisStack['describeStack']>;
  /** The config files read, defaults first. */
  files: readonly string[];
}

/**
 * The `sis.stack` of a gateway config file (with config/default.yaml beneath it and `!env`
 * values from the environment), loaded and checked as the gateway loads it at boot. Throws the
 * gateway's ConfigError, every problem listed, when the file or an adapter's config is invalid.
 */
export async function loadStackUnderTest(file: string, options: { env?: Env; cwd?: string } = {}): Promise<StackUnderTest> {
  const config = loadConfig({ file, ...(options.env && { env: options.env }), ...(options.cwd && { cwd: options.cwd }) });
  const loaded = await loadAdapters(config.sis.stack, { baseDir: config.source.baseDir });
  const module = stackModule(loaded);
  // Construction does no I/O (contract), so a stack built only to read its routes costs nothing.
  const probe = module.create({}, { http: unreachableHttp(), logger: SILENT, clock: { now: () => new Date() } }) as SisStack;
  const routes = probe.describeStack();
  await probe.close?.();
  return { module, routes, files: config.source.files };
}

const SILENT = { debug() {}, info() {}, warn() {}, error() {} };
