/**
 * For the command-line entry points (the gateway and the bin/ tools): the config, or the config
 * error's message on stderr (every problem, with its key) and exit code 2.
 */
import { isConfigError } from './config-error.ts';
import { loadConfig } from './load-config.ts';
import type { Config } from './load-config.ts';
import { dataKeyFor } from '../data-key/data-key.ts';

/** `overlay`, when given, computes values laid over the loaded config (the demo's start options) and loads again. */
export function loadConfigOrExit(file: string | undefined, prefix = '', overlay?: (config: Config) => Record<string, unknown>): Config {
  try {
    const config = loadConfig(file ? { file } : {});
    const values = overlay?.(config);
    return values && Object.keys(values).length > 0 ? loadConfig({ ...(file ? { file } : {}), values }) : config;
  } catch (err) {
    if (!isConfigError(err)) throw err;
    process.stderr.write(`${prefix}${err.message}\n`);
    process.exit(2);
  }
}

/** The data key (store.dataKey, or the demo's own), or why there is none on stderr and exit code 2. */
export function dataKeyOrExit(config: Config): string {
  try {
    return dataKeyFor(config);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
}
