/**
 * The one error a bad configuration produces: every problem at once, each naming its key path,
 * so an operator fixes the file in one go instead of one boot per typo.
 * Recognise it by `code` (CONFIG_INVALID), like every coded error in the gateway.
 */

export interface ConfigErrorOptions {
  /** First line of the message; the problems follow, one per line. */
  title?: string;
  help?: string;
  cause?: unknown;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID' as const;
  readonly statusCode = 500;
  readonly help?: string;
  /** One line per problem, each starting with the dotted key path (or file:line for YAML syntax). */
  readonly problems: readonly string[];

  constructor(problems: readonly string[], options: ConfigErrorOptions = {}) {
    const title = options.title ?? 'Invalid configuration';
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`${title} (${count}):\n${problems.map((p) => `  - ${p}`).join('\n')}`, { cause: options.cause });
    this.name = 'ConfigError';
    this.problems = Object.freeze([...problems]);
    this.help = options.help ?? 'See config/README.md for every key, its type and its default.';
  }
}

export function isConfigError(err: unknown): err is ConfigError {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'CONFIG_INVALID';
}
